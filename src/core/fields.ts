// Canonical fields of each table kind and the headers real exports use for them (research/export-formats.md).
// Synonyms are written already normalised (see normHeader): lower case, accents and punctuation gone,
// camelCase split ("followersCount" → "followers count"), "#" read as "number".
// Within a field, earlier synonyms win over later ones whatever the column order ("order total" before "total").
// Fields are listed in priority order too: a header can belong to only one field of a kind (a test checks it).
import type { TableKind } from './types';

export const FIELDS: Record<TableKind, Record<string, string[]>> = {
  followers: {
    handle: [
      'handle', 'username', 'user name', 'instagram handle', 'instagram username', 'instagram', 'ig handle', 'ig username', 'ig',
      'twitter handle', 'twitter username', 'twitter', 'x handle', 'x username', 'tiktok handle', 'tiktok username', 'tiktok',
      'threads handle', 'threads', 'bluesky handle', 'bluesky', 'pinterest', 'screen name', 'screenname', 'social handle',
      'account handle', 'account', 'user', 'user handle', 'login', 'follower', 'follower handle', 'follower username', '@',
      'unique id', 'uniqueid',
      'benutzername', 'nom d utilisateur', 'nombre de usuario', 'usuario', 'nome utente', 'gebruikersnaam', 'pseudo',
    ],
    url: [
      'profile url', 'profile link', 'profile', 'url', 'link', 'href', 'instagram url', 'instagram link', 'account url',
      'account link', 'user url', 'user link', 'profile address', 'permalink', 'profil url', 'lien du profil',
    ],
    name: [
      'full name', 'fullname', 'name', 'display name', 'displayname', 'real name', 'account name', 'profile name', 'nickname', 'nom complet',
      'nombre completo', 'nome completo', 'vollstandiger name', 'nom', 'nombre', 'nome', 'naam',
    ],
    firstName: ['first name', 'firstname', 'given name', 'vorname', 'prenom', 'voornaam'],
    lastName: ['last name', 'lastname', 'surname', 'family name', 'nachname', 'nom de famille', 'apellido', 'apellidos', 'cognome', 'achternaam'],
    // LinkedIn connections and some scrapers carry an email: exact evidence for matching followers to customers
    email: ['email', 'email address', 'e mail', 'e mail address', 'public email', 'business email', 'contact email', 'mail'],
    bio: ['bio', 'biography', 'description', 'profile bio', 'about', 'signature', 'summary', 'headline', 'position', 'beschreibung', 'biographie', 'biografia'],
    followers: [
      'followers', 'followers count', 'follower count', 'number followers', 'number of followers', 'num followers', 'followers number',
      'followed by', 'edge followed by', 'fans', 'fan count', 'subscribers', 'abonnes', 'seguidores', 'abonnenten', 'volgers',
    ],
    following: [
      'following', 'following count', 'followings', 'follows', 'follows count', 'number follows', 'number following',
      'number of following', 'num following', 'friends', 'friends count', 'followees', 'edge follow', 'abonnements', 'seguidos',
    ],
    posts: [
      'posts', 'posts count', 'post count', 'number posts', 'number of posts', 'num posts', 'media count', 'media', 'statuses count',
      'tweets', 'tweet count', 'videos', 'video count', 'pins', 'publications', 'beitrage', 'publicaciones',
    ],
    hasPicture: [
      'has profile picture', 'has profile pic', 'has picture', 'has avatar', 'profile pic', 'profile picture', 'profile pic url',
      'profile picture url', 'profile pic url hd', 'profile image', 'profile image url', 'profile image url https', 'profile photo',
      'img url', 'image url', 'avatar', 'avatar url', 'avatar thumb', 'avatar medium', 'avatar larger', 'picture', 'photo', 'pic', 'image',
    ],
    private: ['private', 'is private', 'private account', 'protected', 'is protected', 'locked', 'secret', 'privat', 'prive'],
    verified: ['verified', 'is verified', 'verified account', 'blue verified', 'is blue verified', 'blue check'],
    externalUrl: [
      'external url', 'external link', 'website', 'web site', 'link in bio', 'bio link', 'url in bio', 'homepage', 'external urls',
    ],
    joined: [
      'joined', 'joined date', 'date joined', 'join date', 'created at', 'created', 'account created', 'creation date', 'registered',
      'member since',
    ],
    lastPost: ['last post', 'last post date', 'last posted', 'latest post', 'last post at', 'last active', 'last activity', 'last seen', 'last tweet'],
    platform: ['platform', 'network', 'social network', 'plateforme', 'plataforma'],
  },

  orders: {
    orderId: [
      'order id', 'order number', 'order', 'order no', 'order num', 'order name', 'order ref', 'order reference', 'transaction id',
      'purchase id', 'receipt number', 'invoice number', 'invoice', 'payment id', 'charge id', 'id', 'number', 'bestellnummer',
      'numero de commande', 'numero de pedido', 'numero ordine', 'pedido', 'commande', 'bestelling',
    ],
    email: [
      'email', 'e mail', 'email address', 'e mail address', 'customer email', 'purchase email', 'buyer email', 'contact email', 'billing email',
      'email billing', 'billing email address', 'customer email address', 'from email address', 'user email', 'mail', 'courriel',
      'correo electronico', 'correo', 'e mail adresse', 'email adresse', 'adresse e mail',
    ],
    name: [
      'billing name', 'full name', 'customer name', 'buyer name', 'name', 'name billing', 'billing full name', 'full name billing',
      'customer', 'bill to name', 'contact name', 'client name', 'client', 'purchaser', 'customer description',
      'nom complet', 'nombre completo', 'nome completo', 'kunde', 'kundenname', 'nom du client', 'nombre del cliente', 'cliente',
      'nom', 'nombre', 'nome', 'naam',
    ],
    // Etsy's Buyer: "Full Name (etsyusername)" or a bare username (customers.ts splits it)
    buyer: ['buyer'],
    shippingName: ['shipping name', 'ship name', 'recipient name', 'ship to name', 'shipping full name', 'delivery name', 'recipient'],
    firstName: [
      'first name', 'billing first name', 'first name billing', 'firstname', 'given name', 'customer first name', 'buyer first name', 'shipping first name',
      'first name shipping', 'vorname', 'prenom', 'voornaam', 'nombre de pila',
    ],
    lastName: [
      'last name', 'billing last name', 'last name billing', 'lastname', 'surname', 'family name', 'customer last name', 'buyer last name',
      'shipping last name', 'last name shipping', 'nachname', 'nom de famille', 'apellido', 'apellidos', 'cognome', 'achternaam',
    ],
    phone: [
      'phone', 'billing phone', 'phone billing', 'phone number', 'customer phone', 'default address phone', 'shipping phone',
      'phone shipping', 'recipient phone', 'mobile', 'mobile phone', 'telephone', 'tel', 'contact phone', 'buyer phone', 'buyer phone number', 'telefon',
      'telefono', 'telefoon',
    ],
    total: [
      'total', 'order total', 'order total amount', 'total price', 'total amount', 'grand total', 'total collected', 'amount', 'gross', 'gross sales',
      'sale price', 'total paid', 'amount paid', 'charged', 'net sales', 'gesamt', 'gesamtsumme', 'summe', 'totale', 'totaal',
      'montant total', 'montant', 'importe total', 'importe', 'valor total', 'item total', 'price',
    ],
    // items of a line: a unit price (Etsy's Price) is multiplied by it
    quantity: ['quantity', 'qty', 'item quantity', 'lineitem quantity', 'menge', 'quantite', 'cantidad', 'quantita', 'aantal'],
    subtotal: ['subtotal', 'sub total', 'order subtotal', 'items total', 'order value', 'zwischensumme', 'sous total'],
    currency: ['currency', 'currency code', 'order currency', 'presentment currency', 'wahrung', 'devise', 'moneda', 'valuta'],
    financialStatus: ['financial status', 'payment status', 'paid status', 'zahlungsstatus', 'statut du paiement', 'estado del pago'],
    status: ['status', 'order status', 'transaction status', 'state', 'statut', 'estado', 'stato', 'bestellstatus'],
    cancelledAt: ['cancelled at', 'canceled at', 'cancelled', 'canceled', 'cancelled date', 'cancellation date', 'date cancelled', 'voided at'],
    refunded: [
      'refunded amount', 'amount refunded', 'refund amount', 'partial refund', 'total refunded', 'refunds', 'refunded total',
    ],
    fullyRefunded: ['fully refunded', 'is refunded', 'refunded'],
    eventType: ['event type', 'type', 'transaction type', 'kind', 'transaction event code'],
    balanceImpact: ['balance impact'],
    // Shopify's transactions export (purchases.ts): kept so that the command line's column selection keeps it
    gateway: ['gateway', 'payment gateway'],
    date: [
      'created at', 'order date', 'date', 'date created', 'created date utc', 'created utc', 'created date', 'created', 'sale date',
      'purchase date', 'date paid', 'transaction date', 'payment date', 'order created', 'order placed', 'placed at',
      'timestamp', 'datum', 'fecha', 'data', 'date de commande', 'bestelldatum', 'last order date', 'last order', 'last visit',
    ],
    // when the payment was taken: empty on every row of Shopify's abandoned checkouts export
    paidAt: ['paid at'],
    notes: [
      'notes', 'note', 'order notes', 'order note', 'note from customer', 'customer note', 'customer notes', 'private notes',
      'buyer note', 'message from buyer', 'note to seller', 'gift message', 'additional information', 'comments', 'memo', 'message',
      'anmerkungen', 'remarques', 'notas',
    ],
    noteAttributes: ['note attributes', 'additional details', 'custom fields', 'checkout fields'],
    handle: [
      'instagram', 'instagram handle', 'instagram username', 'handle', 'social handle', 'social media', 'social', 'ig handle', 'ig',
      'tiktok', 'tiktok handle', 'twitter', 'twitter handle', 'x handle', 'threads', 'bluesky', '@',
      // Stripe exports the metadata keys a shop chose as "… (metadata)" columns
      'instagram metadata', 'instagram handle metadata', 'handle metadata', 'social handle metadata', 'ig handle metadata', 'ig metadata',
      'tiktok metadata', 'social metadata',
    ],
    buyerUsername: ['buyer user id', 'buyer username', 'username', 'user name', 'customer username', 'etsy username', 'user login', 'login'],
    orderCount: [
      'total orders', 'orders count', 'orders', 'transaction count', 'payment count', 'number of orders', 'order count',
      'number orders', 'purchases', 'purchase count', 'bestellungen', 'commandes', 'pedidos',
    ],
    totalSpent: ['total spent', 'lifetime spend', 'total spend', 'amount spent', 'lifetime value', 'total sales', 'total revenue', 'ltv', 'spent'],
    customerId: ['customer id', 'square customer id', 'customer reference id', 'reference id', 'client id'],
  },

  engagement: {
    handle: [
      'handle', 'username', 'user name', 'user', 'account', 'from', 'from username', 'author', 'author handle', 'author username',
      'commenter', 'commenter username', 'sender', 'liked by', 'mentioned by', 'who', 'person', 'follower', 'instagram',
      'instagram handle', 'screen name', '@', 'profile url', 'profile link', 'profile', 'benutzername', 'usuario',
    ],
    type: ['type', 'interaction', 'interaction type', 'engagement type', 'action', 'activity', 'activity type', 'event', 'event type', 'kind'],
    date: [
      'date', 'timestamp', 'time', 'date time', 'datetime', 'created at', 'created', 'when', 'interaction date', 'activity date',
      'commented at', 'last interaction', 'last engaged', 'datum', 'fecha',
    ],
    count: ['count', 'times', 'number', 'interactions', 'engagement', 'engagements', 'total', 'quantity', 'amount', 'n'],
    comments: ['comments', 'comment count', 'number comments', 'number of comments', 'replies', 'reply count', 'comments count'],
    likes: ['likes', 'like count', 'number likes', 'number of likes', 'likes count', 'hearts', 'reactions', 'favorites', 'favourites', 'favs'],
    mentions: ['mentions', 'mention count', 'number mentions', 'number of mentions', 'mentions count', 'at mentions'],
    shares: ['shares', 'share count', 'number shares', 'shares count', 'reposts', 'repost count', 'retweets', 'retweet count', 'reshares', 'boosts'],
    saves: ['saves', 'save count', 'saves count', 'saved', 'bookmarks', 'bookmark count'],
    tags: ['tags', 'tagged', 'tag count', 'tags count', 'photo tags', 'tagged posts'],
    dms: ['dms', 'dm', 'direct messages', 'messages', 'dm count', 'message count', 'dms count'],
    // The post or comment itself, for the Say thanks list (thanks.ts): its address and its words.
    link: [
      'permalink', 'post url', 'post link', 'post permalink', 'link', 'url', 'comment url', 'comment link', 'comment permalink',
      'media url', 'media link', 'tweet url', 'tweet link', 'video url', 'video link', 'story url', 'share url', 'web link', 'post address',
    ],
    text: [
      'text', 'comment text', 'message text', 'mention text', 'post text', 'tweet text', 'full text', 'caption', 'content', 'body',
      'comment', 'message', 'excerpt', 'snippet',
    ],
  },

  following: {
    handle: [
      'handle', 'username', 'user name', 'account', 'account address', 'following', 'value', 'title', 'user', 'screen name',
      'instagram', 'instagram handle', 'tiktok', 'twitter', '@', 'benutzername', 'usuario',
    ],
    url: ['profile url', 'url', 'href', 'link', 'profile link', 'profile', 'account url', 'user link', 'user url'],
    date: ['date', 'timestamp', 'followed on', 'followed at', 'follow date', 'date followed', 'connected on', 'since', 'created at', 'time'],
    platform: ['platform', 'network', 'social network'],
  },
};

/** The fields of each kind that make a table usable: one of the groups must be present (a group needs all its fields). */
export const REQUIRED: Record<TableKind, string[][]> = {
  followers: [['handle'], ['url']],
  orders: [['email'], ['name'], ['firstName'], ['handle'], ['buyerUsername'], ['buyer'], ['shippingName']],
  engagement: [['handle']],
  following: [['handle'], ['url']],
};

/** What the "no … column found" message says was looked for. */
export const LOOKED_FOR: Record<TableKind, { what: string; headers: string }> = {
  followers: { what: 'handle', headers: 'Handle, Username, Profile URL, Instagram, @…' },
  orders: { what: 'customer', headers: 'Email, Billing Name, Customer Name, First Name + Last Name, Handle, Buyer, Buyer User ID…' },
  engagement: { what: 'handle', headers: 'Handle, Username, User, From, Author, Profile URL…' },
  following: { what: 'handle', headers: 'Handle, Username, Account address, Profile URL…' },
};

/**
 * A header in normal form: no BOM, camelCase split, accents dropped, lower case, "#" as "number",
 * punctuation as single spaces. "Created date (UTC)" → "created date utc", "followersCount" → "followers count",
 * "Order #" → "order number", "First Name (Billing)" → "first name billing", "@" stays "@".
 */
export function normHeader(h: unknown): string {
  if (h === null || h === undefined) return '';
  let s = String(h).replace(/[\uFEFF\u200B]/g, '').trim();
  if (s.charCodeAt(0) === 39) s = s.slice(1);
  s = s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/#/g, ' number ')
    .replace(/&/g, ' and ');
  const bare = s.replace(/[^\p{L}\p{N}@]+/gu, ' ').trim();
  if (bare.indexOf('@') >= 0) return bare === '@' ? '@' : bare.replace(/@/g, ' ').replace(/\s+/g, ' ').trim();
  return bare.replace(/\s+/g, ' ');
}

const lookup: Partial<Record<TableKind, Map<string, { field: string; rank: number }>>> = {};

/** Normalised header → its field and the synonym's rank within that field (built on first use). */
export function synonymLookup(kind: TableKind): Map<string, { field: string; rank: number }> {
  let map = lookup[kind];
  if (!map) {
    map = new Map();
    const fields = FIELDS[kind];
    for (const field of Object.keys(fields)) {
      fields[field].forEach((syn, rank) => {
        if (!map!.has(syn)) map!.set(syn, { field, rank });
      });
    }
    lookup[kind] = map;
  }
  return map;
}

/** The field a header names in a table of this kind, or undefined. */
export function fieldOfHeader(kind: TableKind, header: unknown): string | undefined {
  const hit = synonymLookup(kind).get(normHeader(header));
  return hit && hit.field;
}
