// A stand-in for dist/Code.js in the preview's server tests: a tiny add-on written against the Apps Script API,
// so the preview's machinery (executions, menus, rules, custom functions, sidebar bridge) is tested on its own.
// The real add-on is tested through the page in test/browser/preview.test.ts.

/**
 * Length of each handle.
 * @param {string[][]} handles the handles
 * @return {number[][]} lengths
 * @customfunction
 */
function HANDLE_LENGTH(handles) {
  return Standin.HANDLE_LENGTH.apply(this, arguments);
}

/**
 * Doubles a number; throws on text.
 * @param {number} x a number
 * @return {number} twice x
 * @customfunction
 */
function DOUBLE(x) {
  return Standin.DOUBLE.apply(this, arguments);
}

function onOpen(e) {
  return Standin.onOpen.apply(this, arguments);
}
function insertExampleData() {
  return Standin.insertExampleData.apply(this, arguments);
}
function scoreFollowers() {
  return Standin.scoreFollowers.apply(this, arguments);
}
function clearScores() {
  return Standin.clearScores.apply(this, arguments);
}
function showSidebar() {
  return Standin.showSidebar.apply(this, arguments);
}
function selectRow(row) {
  return Standin.selectRow.apply(this, arguments);
}
function whoAmI() {
  return Standin.whoAmI.apply(this, arguments);
}
function failLoudly() {
  return Standin.failLoudly.apply(this, arguments);
}
function insertColumnAtA() {
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Followers').insertColumnBefore(1);
}
function deleteColumnA() {
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Followers').deleteColumn(1);
}
function showDialog() {
  SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput('<p id="hello">hi</p>'), 'Hello');
}
function spin_() {
  for (;;) {}
}

var Standin = (function () {
  function followers() {
    return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Followers');
  }
  return {
    onOpen: function (e) {
      SpreadsheetApp.getUi().createAddonMenu().addItem('Score followers', 'scoreFollowers').addItem('Open sidebar', 'showSidebar').addSeparator().addItem('Clear scores and colours', 'clearScores').addToUi();
    },
    insertExampleData: function () {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var sheet = ss.insertSheet('Followers');
      var rows = [['Handle', 'Name'], ['@ann', 'Ann <b>Bold</b>'], ['=cmd', 'Formula-looking'], ['carol_x', 'Carol'], ['dave', 'Dave']];
      sheet.getRange(1, 1, rows.length, 2).setNumberFormat('@').setValues(rows);
      sheet.setFrozenRows(1);
      ss.setActiveSheet(sheet);
    },
    scoreFollowers: function () {
      var sheet = followers();
      var n = sheet.getLastRow() - 1;
      var handles = sheet.getRange(2, 1, n, 1).getValues();
      var out = handles.map(function (h) { return [String(h[0]).length > 4 ? 'Follow back' : 'Skip']; });
      sheet.getRange(1, 3).setValue('Recommendation');
      sheet.getRange(2, 3, n, 1).setValues(out);
      var range = sheet.getRange(2, 1, n, 3);
      var rule = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$C2="Follow back"').setBackground('#d9ead3').setRanges([range]).build();
      sheet.setConditionalFormatRules([rule]);
      SpreadsheetApp.getActiveSpreadsheet().toast('Scored ' + n + ' followers', 'Followback');
    },
    clearScores: function () {
      var sheet = followers();
      sheet.getRange(1, 3, sheet.getMaxRows(), 1).clearContent();
      sheet.setConditionalFormatRules([]);
      SpreadsheetApp.getUi().alert('Cleared');
    },
    showSidebar: function () {
      SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Standin'));
    },
    selectRow: function (row) {
      var sheet = followers();
      sheet.getRange(row, 1, 1, sheet.getMaxColumns()).activate();
      return { selected: row };
    },
    whoAmI: function () {
      return { now: new Date(0), list: [1, 'two', true] };
    },
    failLoudly: function () {
      throw new Error('Nope: <script>x</script>');
    },
    HANDLE_LENGTH: function (handles) {
      if (!Array.isArray(handles)) return String(handles).length;
      return handles.map(function (r) { return [r[0] === '' ? '' : String(r[0]).length]; });
    },
    DOUBLE: function (x) {
      if (typeof x !== 'number') throw new Error('DOUBLE needs a number');
      return 2 * x;
    },
  };
})();
