// The web client's words in each language it speaks, and the language it speaks: the first of
// the browser's navigator.languages it has (English otherwise). Static text in index.html names
// its message with data-i18n (text), data-i18n-html (our own markup), data-i18n-placeholder or
// data-i18n-alt; app.js and payments.js call t(). Every language has exactly the keys English has (the test
// web_client_speaks_english_german_and_french checks it). Numbers, coin amounts and times are
// written in that language's conventions. The node's own error messages stay as it sends them.

const MESSAGES = {
  en: {
    'status.connecting': 'Connecting to the node…',
    'status.line': '{network} network · height {height} · {peers} · mining {mining}',
    'status.peers.one': '{count} peer',
    'status.peers.other': '{count} peers',
    'status.on': 'on',
    'status.off': 'off',
    'pair.title': 'Pair this phone',
    'pair.help': 'Ask the node\'s operator for a pairing code (<code>photoblocksd pair</code>, or the QR code in the desktop app), or open the link it gives.',
    'pair.code': 'Pairing code',
    'pair.name': 'Name of this phone',
    'pair.defaultName': 'My phone',
    'pair.button': 'Pair',
    'pair.revoked': 'The node no longer accepts this phone\'s token (revoked?). Pair again.',
    'pair.done': 'Paired: this phone is device {id}.',
    'device.title': 'This phone',
    'device.pairedAs': 'Paired as “{name}” (device {id}).',
    'device.thisPhone': 'this phone',
    'device.unpair': 'Unpair',
    'device.unpaired': 'Unpaired: the node revoked this phone\'s token (device {id}).',
    'device.unpairFailed': 'This phone forgot its token, but the node did not revoke it ({error}). The node\'s operator can: photoblocksd pair revoke {id}.',
    'mine.title': 'Mine a photo',
    'mine.photo': 'Photo',
    'mine.preview': 'The chosen photo',
    'mine.label': 'What the photo shows',
    'mine.chooseLabel': 'Choose a label…',
    'mine.voteLegend': 'Your vote on the previous claim',
    'mine.agree': 'Agree',
    'mine.disagree': 'Disagree',
    'mine.abstain': 'Abstain',
    'mine.reward': 'Reward address',
    'mine.rewardPlaceholder': 'pb1… (empty: the node\'s)',
    'mine.button': 'Mine this photo',
    'mine.cannot': 'This node cannot mine photos: {problem}',
    'mine.votesSoFar': ' (votes so far: {agree} agree, {disagree} disagree)',
    'mine.claim': 'Block {height} claims its photo shows “{label}”{votes}. Does it?',
    'mine.noClaim': 'None of the last {count} blocks claims a label: nothing to vote on.',
    'mine.noPhoto': 'Choose or take a photo first.',
    'mine.sending': 'Sending the photo…',
    'job.queued': 'Queued, waiting for the recognizer',
    'job.recognizing': 'The recognizer is looking at the photo',
    'job.mining': 'Mining the block',
    'job.mined': 'Mined',
    'job.rejected': 'Rejected',
    'job.stale': 'Stale',
    'job.cancelled': 'Cancelled',
    'job.line': 'Job {id} (“{label}”): {text}.',
    'job.withDetail': '{title} — {detail}',
    'job.block': 'block {hash}',
    'job.thumbnail': 'The mined block\'s photo',
    'job.cancel': 'Cancel the job',
    'coins.title': 'Coins',
    'coins.address': 'Address',
    'coins.balance': 'Balance',
    'coins.amount.one': '{amount} coin',
    'coins.amount.other': '{amount} coins',
    'coins.outgoing': ' ({amount} on its way out)',
    'coins.insecure': 'This page came over plain HTTP to a LAN address, which browsers do not count as a secure context, so they give it no WebCrypto and this phone can hold no key. To send coins, start the node with --rest-tls-cert and --rest-tls-key and open its https:// address. Mining works as it is: rewards go to the address you enter, or the node\'s.',
    'coins.noEd25519': 'This browser cannot make an Ed25519 key with WebCrypto ({error}). Use a current Chrome/Chromium, Firefox or Safari to send coins.',
    'send.to': 'Send to',
    'send.amount': 'Amount (coins)',
    'send.fee': 'Fee (coins)',
    'send.button': 'Send',
    'send.badAmount': 'The amount must be a positive number of coins (up to 8 decimals).',
    'send.badFee': 'The fee must be a number of coins (up to 8 decimals).',
    'send.badAddress': '“{to}” is not a Photoblocks address (pb1…, with a valid checksum).',
    'send.sent': 'Sent {amount} to {to}: {status} (transfer {id}).',
    'coins.backupWarning': 'This phone\'s key lives only in this browser and cannot be backed up: clearing the browser\'s data, or losing the phone, loses its coins. Keep small amounts here and move the rest to your desktop wallet.',
    'send.toPlaceholder': 'pb1… or photoblocks:… request',
    'request.scan': 'Scan a payment-request QR code',
    'request.scanning': 'Point the camera at the payment-request QR code…',
    'request.scanNothing': 'No payment-request QR code found.',
    'request.cameraRefused': 'The camera is not available ({error}). Paste or type the request.',
    'request.notARequest': 'A payment request starts with “photoblocks:”.',
    'request.tooLong': 'A payment request has at most {max} characters.',
    'request.emptyParameter': 'The payment request has an empty parameter.',
    'request.twice': 'The payment request gives “{key}” twice.',
    'request.badText': 'The payment request\'s “{key}” is not valid text.',
    'request.badAmount': 'The requested amount “{value}” is not a positive number of coins (at most 8 decimals).',
    'request.tooLongField': 'The payment request\'s {key} has more than {max} characters.',
    'request.required': 'The payment request requires “{key}”, which this page does not understand.',
    'request.filled': 'Payment request{from}{message}. Check the amount, then Send.',
    'request.from': ' from {label}',
    'request.message': ': {message}',
    'sweep.title': 'Send everything to my desktop wallet',
    'sweep.address': 'Desktop wallet address',
    'sweep.button': 'Fill the form with everything',
    'sweep.noAddress': 'Type your desktop wallet\'s address first (pb1…).',
    'sweep.nothing': 'Nothing to send: the balance does not cover the fee.',
    'sweep.filled': 'The form now sends everything, {amount} after the fee, to your desktop wallet. Check and tap Send.',
    'history.title': 'Transfers',
    'history.empty': 'No transfers yet.',
    'history.in': 'Received +{amount} from {address}',
    'history.out': 'Sent −{amount} to {address}',
    'history.self': 'To itself {amount}',
    'history.mined': 'Mined +{amount}',
    'history.inBlock': 'in block {height}',
    'tx.pending': 'pending',
    'tx.confirmed': 'confirmed',
    'blocks.title': 'Recent blocks',
    'blocks.photo': 'Photo of block {height}',
    'blocks.photoClaim': 'Photo of block {height}, claimed to show “{label}”',
    'blocks.noPhoto': 'Block {height} has no photo',
    'api.unreachable': 'the node does not answer ({error}); is it running and on this network?',
  },
  de: {
    'status.connecting': 'Verbindung zum Knoten wird hergestellt…',
    'status.line': 'Netzwerk {network} · Höhe {height} · {peers} · Mining {mining}',
    'status.peers.one': '{count} Peer',
    'status.peers.other': '{count} Peers',
    'status.on': 'an',
    'status.off': 'aus',
    'pair.title': 'Dieses Telefon koppeln',
    'pair.help': 'Bitten Sie den Betreiber des Knotens um einen Kopplungscode (<code>photoblocksd pair</code> oder den QR-Code in der Desktop-App), oder öffnen Sie den Link, den er Ihnen gibt.',
    'pair.code': 'Kopplungscode',
    'pair.name': 'Name dieses Telefons',
    'pair.defaultName': 'Mein Telefon',
    'pair.button': 'Koppeln',
    'pair.revoked': 'Der Knoten nimmt das Token dieses Telefons nicht mehr an (widerrufen?). Bitte erneut koppeln.',
    'pair.done': 'Gekoppelt: dieses Telefon ist Gerät {id}.',
    'device.title': 'Dieses Telefon',
    'device.pairedAs': 'Gekoppelt als „{name}“ (Gerät {id}).',
    'device.thisPhone': 'dieses Telefon',
    'device.unpair': 'Entkoppeln',
    'device.unpaired': 'Entkoppelt: der Knoten hat das Token dieses Telefons widerrufen (Gerät {id}).',
    'device.unpairFailed': 'Dieses Telefon hat sein Token vergessen, aber der Knoten hat es nicht widerrufen ({error}). Der Betreiber des Knotens kann es: photoblocksd pair revoke {id}.',
    'mine.title': 'Ein Foto minen',
    'mine.photo': 'Foto',
    'mine.preview': 'Das gewählte Foto',
    'mine.label': 'Was das Foto zeigt',
    'mine.chooseLabel': 'Label wählen…',
    'mine.voteLegend': 'Ihre Stimme zur vorigen Behauptung',
    'mine.agree': 'Zustimmen',
    'mine.disagree': 'Ablehnen',
    'mine.abstain': 'Enthalten',
    'mine.reward': 'Belohnungsadresse',
    'mine.rewardPlaceholder': 'pb1… (leer: die des Knotens)',
    'mine.button': 'Dieses Foto minen',
    'mine.cannot': 'Dieser Knoten kann keine Fotos minen: {problem}',
    'mine.votesSoFar': ' (bisherige Stimmen: {agree} dafür, {disagree} dagegen)',
    'mine.claim': 'Block {height} behauptet, sein Foto zeige „{label}“{votes}. Stimmt das?',
    'mine.noClaim': 'Keiner der letzten {count} Blöcke behauptet ein Label: nichts abzustimmen.',
    'mine.noPhoto': 'Bitte zuerst ein Foto wählen oder aufnehmen.',
    'mine.sending': 'Das Foto wird gesendet…',
    'job.queued': 'In der Warteschlange, wartet auf die Bilderkennung',
    'job.recognizing': 'Die Bilderkennung sieht sich das Foto an',
    'job.mining': 'Der Block wird gemint',
    'job.mined': 'Gemint',
    'job.rejected': 'Abgelehnt',
    'job.stale': 'Überholt',
    'job.cancelled': 'Abgebrochen',
    'job.line': 'Auftrag {id} („{label}“): {text}.',
    'job.withDetail': '{title} — {detail}',
    'job.block': 'Block {hash}',
    'job.thumbnail': 'Das Foto des geminten Blocks',
    'job.cancel': 'Auftrag abbrechen',
    'coins.title': 'Coins',
    'coins.address': 'Adresse',
    'coins.balance': 'Guthaben',
    'coins.amount.one': '{amount} Coin',
    'coins.amount.other': '{amount} Coins',
    'coins.outgoing': ' ({amount} unterwegs nach draußen)',
    'coins.insecure': 'Diese Seite kam über unverschlüsseltes HTTP von einer LAN-Adresse, die Browser nicht als sicheren Kontext werten; sie geben ihr kein WebCrypto, und dieses Telefon kann keinen Schlüssel halten. Um Coins zu senden, starten Sie den Knoten mit --rest-tls-cert und --rest-tls-key und öffnen Sie seine https://-Adresse. Minen geht auch so: Belohnungen gehen an die eingegebene Adresse oder die des Knotens.',
    'coins.noEd25519': 'Dieser Browser kann mit WebCrypto keinen Ed25519-Schlüssel erzeugen ({error}). Verwenden Sie ein aktuelles Chrome/Chromium, Firefox oder Safari, um Coins zu senden.',
    'send.to': 'Senden an',
    'send.amount': 'Betrag (Coins)',
    'send.fee': 'Gebühr (Coins)',
    'send.button': 'Senden',
    'send.badAmount': 'Der Betrag muss eine positive Anzahl Coins sein (höchstens 8 Nachkommastellen).',
    'send.badFee': 'Die Gebühr muss eine Anzahl Coins sein (höchstens 8 Nachkommastellen).',
    'send.badAddress': '„{to}“ ist keine Photoblocks-Adresse (pb1…, mit gültiger Prüfsumme).',
    'send.sent': '{amount} an {to} gesendet: {status} (Überweisung {id}).',
    'coins.backupWarning': 'Der Schlüssel dieses Telefons liegt nur in diesem Browser und lässt sich nicht sichern: Wer die Browserdaten löscht oder das Telefon verliert, verliert seine Coins. Bewahren Sie hier nur kleine Beträge auf und überweisen Sie den Rest an Ihre Desktop-Wallet.',
    'send.toPlaceholder': 'pb1… oder photoblocks:…-Anforderung',
    'request.scan': 'QR-Code einer Zahlungsanforderung scannen',
    'request.scanning': 'Richten Sie die Kamera auf den QR-Code der Zahlungsanforderung…',
    'request.scanNothing': 'Kein QR-Code einer Zahlungsanforderung gefunden.',
    'request.cameraRefused': 'Die Kamera ist nicht verfügbar ({error}). Fügen Sie die Anforderung ein oder tippen Sie sie.',
    'request.notARequest': 'Eine Zahlungsanforderung beginnt mit „photoblocks:“.',
    'request.tooLong': 'Eine Zahlungsanforderung hat höchstens {max} Zeichen.',
    'request.emptyParameter': 'Die Zahlungsanforderung hat einen leeren Parameter.',
    'request.twice': 'Die Zahlungsanforderung gibt „{key}“ zweimal an.',
    'request.badText': '„{key}“ in der Zahlungsanforderung ist kein gültiger Text.',
    'request.badAmount': 'Der angeforderte Betrag „{value}“ ist keine positive Anzahl Coins (höchstens 8 Nachkommastellen).',
    'request.tooLongField': 'Das Feld {key} der Zahlungsanforderung hat mehr als {max} Zeichen.',
    'request.required': 'Die Zahlungsanforderung verlangt „{key}“, was diese Seite nicht versteht.',
    'request.filled': 'Zahlungsanforderung{from}{message}. Prüfen Sie den Betrag und tippen Sie dann auf Senden.',
    'request.from': ' von {label}',
    'request.message': ': {message}',
    'sweep.title': 'Alles an meine Desktop-Wallet senden',
    'sweep.address': 'Adresse der Desktop-Wallet',
    'sweep.button': 'Formular mit allem ausfüllen',
    'sweep.noAddress': 'Geben Sie zuerst die Adresse Ihrer Desktop-Wallet ein (pb1…).',
    'sweep.nothing': 'Nichts zu senden: Das Guthaben deckt die Gebühr nicht.',
    'sweep.filled': 'Das Formular sendet jetzt alles, {amount} nach Abzug der Gebühr, an Ihre Desktop-Wallet. Prüfen Sie es und tippen Sie auf Senden.',
    'history.title': 'Überweisungen',
    'history.empty': 'Noch keine Überweisungen.',
    'history.in': 'Empfangen +{amount} von {address}',
    'history.out': 'Gesendet −{amount} an {address}',
    'history.self': 'An sich selbst {amount}',
    'history.mined': 'Gemint +{amount}',
    'history.inBlock': 'in Block {height}',
    'tx.pending': 'ausstehend',
    'tx.confirmed': 'bestätigt',
    'blocks.title': 'Neueste Blöcke',
    'blocks.photo': 'Foto von Block {height}',
    'blocks.photoClaim': 'Foto von Block {height}, das „{label}“ zeigen soll',
    'blocks.noPhoto': 'Block {height} hat kein Foto',
    'api.unreachable': 'der Knoten antwortet nicht ({error}); läuft er, und ist er in diesem Netzwerk?',
  },
  fr: {
    'status.connecting': 'Connexion au nœud…',
    'status.line': 'Réseau {network} · hauteur {height} · {peers} · minage {mining}',
    'status.peers.one': '{count} pair',
    'status.peers.other': '{count} pairs',
    'status.on': 'actif',
    'status.off': 'arrêté',
    'pair.title': 'Appairer ce téléphone',
    'pair.help': 'Demandez un code d\'appairage à l\'opérateur du nœud (<code>photoblocksd pair</code>, ou le code QR de l\'application de bureau), ou ouvrez le lien qu\'il donne.',
    'pair.code': 'Code d\'appairage',
    'pair.name': 'Nom de ce téléphone',
    'pair.defaultName': 'Mon téléphone',
    'pair.button': 'Appairer',
    'pair.revoked': 'Le nœud n\'accepte plus le jeton de ce téléphone (révoqué ?). Appairez-le à nouveau.',
    'pair.done': 'Appairé : ce téléphone est l\'appareil {id}.',
    'device.title': 'Ce téléphone',
    'device.pairedAs': 'Appairé sous le nom « {name} » (appareil {id}).',
    'device.thisPhone': 'ce téléphone',
    'device.unpair': 'Désappairer',
    'device.unpaired': 'Désappairé : le nœud a révoqué le jeton de ce téléphone (appareil {id}).',
    'device.unpairFailed': 'Ce téléphone a oublié son jeton, mais le nœud ne l\'a pas révoqué ({error}). L\'opérateur du nœud peut le faire : photoblocksd pair revoke {id}.',
    'mine.title': 'Miner une photo',
    'mine.photo': 'Photo',
    'mine.preview': 'La photo choisie',
    'mine.label': 'Ce que montre la photo',
    'mine.chooseLabel': 'Choisissez une étiquette…',
    'mine.voteLegend': 'Votre vote sur la revendication précédente',
    'mine.agree': 'Pour',
    'mine.disagree': 'Contre',
    'mine.abstain': 'Abstention',
    'mine.reward': 'Adresse de récompense',
    'mine.rewardPlaceholder': 'pb1… (vide : celle du nœud)',
    'mine.button': 'Miner cette photo',
    'mine.cannot': 'Ce nœud ne peut pas miner de photos : {problem}',
    'mine.votesSoFar': ' (votes jusqu\'ici : {agree} pour, {disagree} contre)',
    'mine.claim': 'Le bloc {height} affirme que sa photo montre « {label} »{votes}. Est-ce le cas ?',
    'mine.noClaim': 'Aucun des {count} derniers blocs ne revendique d\'étiquette : rien à voter.',
    'mine.noPhoto': 'Choisissez ou prenez d\'abord une photo.',
    'mine.sending': 'Envoi de la photo…',
    'job.queued': 'En file, en attente de la reconnaissance',
    'job.recognizing': 'La reconnaissance examine la photo',
    'job.mining': 'Minage du bloc',
    'job.mined': 'Miné',
    'job.rejected': 'Rejeté',
    'job.stale': 'Dépassé',
    'job.cancelled': 'Annulé',
    'job.line': 'Tâche {id} (« {label} ») : {text}.',
    'job.withDetail': '{title} — {detail}',
    'job.block': 'bloc {hash}',
    'job.thumbnail': 'La photo du bloc miné',
    'job.cancel': 'Annuler la tâche',
    'coins.title': 'Pièces',
    'coins.address': 'Adresse',
    'coins.balance': 'Solde',
    'coins.amount.one': '{amount} pièce',
    'coins.amount.other': '{amount} pièces',
    'coins.outgoing': ' ({amount} en cours d\'envoi)',
    'coins.insecure': 'Cette page est arrivée en HTTP simple depuis une adresse du réseau local, que les navigateurs ne considèrent pas comme un contexte sécurisé : ils ne lui donnent pas WebCrypto et ce téléphone ne peut détenir aucune clé. Pour envoyer des pièces, lancez le nœud avec --rest-tls-cert et --rest-tls-key et ouvrez son adresse https://. Le minage fonctionne tel quel : les récompenses vont à l\'adresse saisie, ou à celle du nœud.',
    'coins.noEd25519': 'Ce navigateur ne sait pas créer de clé Ed25519 avec WebCrypto ({error}). Utilisez un Chrome/Chromium, Firefox ou Safari récent pour envoyer des pièces.',
    'send.to': 'Envoyer à',
    'send.amount': 'Montant (pièces)',
    'send.fee': 'Frais (pièces)',
    'send.button': 'Envoyer',
    'send.badAmount': 'Le montant doit être un nombre positif de pièces (8 décimales au plus).',
    'send.badFee': 'Les frais doivent être un nombre de pièces (8 décimales au plus).',
    'send.badAddress': '« {to} » n\'est pas une adresse Photoblocks (pb1…, avec une somme de contrôle valide).',
    'send.sent': '{amount} envoyé(s) à {to} : {status} (transfert {id}).',
    'coins.backupWarning': 'La clé de ce téléphone n\'existe que dans ce navigateur et ne peut pas être sauvegardée : effacer les données du navigateur, ou perdre le téléphone, fait perdre ses pièces. Gardez ici de petits montants et envoyez le reste vers votre portefeuille de bureau.',
    'send.toPlaceholder': 'pb1… ou demande photoblocks:…',
    'request.scan': 'Scanner le code QR d\'une demande de paiement',
    'request.scanning': 'Dirigez l\'appareil photo vers le code QR de la demande de paiement…',
    'request.scanNothing': 'Aucun code QR de demande de paiement trouvé.',
    'request.cameraRefused': 'L\'appareil photo n\'est pas disponible ({error}). Collez ou saisissez la demande.',
    'request.notARequest': 'Une demande de paiement commence par « photoblocks: ».',
    'request.tooLong': 'Une demande de paiement compte au plus {max} caractères.',
    'request.emptyParameter': 'La demande de paiement a un paramètre vide.',
    'request.twice': 'La demande de paiement donne « {key} » deux fois.',
    'request.badText': '« {key} » dans la demande de paiement n\'est pas un texte valide.',
    'request.badAmount': 'Le montant demandé « {value} » n\'est pas un nombre positif de pièces (8 décimales au plus).',
    'request.tooLongField': 'Le champ {key} de la demande de paiement dépasse {max} caractères.',
    'request.required': 'La demande de paiement exige « {key} », que cette page ne comprend pas.',
    'request.filled': 'Demande de paiement{from}{message}. Vérifiez le montant, puis touchez Envoyer.',
    'request.from': ' de {label}',
    'request.message': ' : {message}',
    'sweep.title': 'Tout envoyer vers mon portefeuille de bureau',
    'sweep.address': 'Adresse du portefeuille de bureau',
    'sweep.button': 'Remplir le formulaire avec tout le solde',
    'sweep.noAddress': 'Saisissez d\'abord l\'adresse de votre portefeuille de bureau (pb1…).',
    'sweep.nothing': 'Rien à envoyer : le solde ne couvre pas les frais.',
    'sweep.filled': 'Le formulaire envoie maintenant tout, {amount} après les frais, vers votre portefeuille de bureau. Vérifiez, puis touchez Envoyer.',
    'history.title': 'Transferts',
    'history.empty': 'Aucun transfert pour l\'instant.',
    'history.in': 'Reçu +{amount} de {address}',
    'history.out': 'Envoyé −{amount} à {address}',
    'history.self': 'À soi-même {amount}',
    'history.mined': 'Miné +{amount}',
    'history.inBlock': 'dans le bloc {height}',
    'tx.pending': 'en attente',
    'tx.confirmed': 'confirmé',
    'blocks.title': 'Blocs récents',
    'blocks.photo': 'Photo du bloc {height}',
    'blocks.photoClaim': 'Photo du bloc {height}, censée montrer « {label} »',
    'blocks.noPhoto': 'Le bloc {height} n\'a pas de photo',
    'api.unreachable': 'le nœud ne répond pas ({error}) ; est-il en marche et sur ce réseau ?',
  },
};

export const LANGUAGES = Object.keys(MESSAGES);

// The first of the browser's preferred languages we speak ("de-AT" counts as "de").
export function pickLanguage(preferred) {
  for (const tag of preferred || []) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (MESSAGES[base]) return base;
  }
  return 'en';
}

export const language = pickLanguage(globalThis.navigator ? navigator.languages || [navigator.language] : []);

export function messages(lang) {
  return MESSAGES[lang];
}

// The message `key` with each {name} replaced by params[name].
export function t(key, params = {}) {
  const text = MESSAGES[language][key] ?? MESSAGES.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

// The plural form of `key` (key.one, key.other, …) this language uses for `count`.
export function tn(key, count, params = {}) {
  const form = new Intl.PluralRules(language).select(Number(count));
  const chosen = MESSAGES[language][`${key}.${form}`] !== undefined ? `${key}.${form}` : `${key}.other`;
  return t(chosen, { count: formatNumber(count), ...params });
}

export function formatNumber(value) {
  return new Intl.NumberFormat(language).format(value);
}

// A decimal string of coins ("1234.5", as wallet.formatCoins writes it) in this language's
// conventions ("1,234.5", "1.234,5", "1 234,5"), exactly: Intl formats decimal strings without
// going through a float.
export function formatCoinText(decimal) {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 8 }).format(decimal);
}

// What the user typed as an amount, with this language's decimal separator, as wallet.parseCoins
// reads it (a point); group separators are not accepted.
export function normaliseAmount(text) {
  const separator = new Intl.NumberFormat(language).formatToParts(1.5).find((p) => p.type === 'decimal').value;
  return separator === '.' ? text : text.replace(separator, '.');
}

// The same amount as a value of an amount field: the language's decimal separator and no group
// separators, so normaliseAmount reads it back.
export function formatCoinInput(decimal) {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 8, useGrouping: false }).format(decimal);
}

export function formatTime(date) {
  return date.toLocaleTimeString(language);
}

export function formatDateTime(date) {
  return date.toLocaleString(language);
}

// Translates index.html's marked elements and sets the document's language.
export function translatePage(root = document) {
  root.documentElement.lang = language;
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  // Our own constant markup (a <code> inside a sentence), never text from the node.
  for (const element of root.querySelectorAll('[data-i18n-html]')) element.innerHTML = t(element.dataset.i18nHtml);
  for (const element of root.querySelectorAll('[data-i18n-placeholder]'))
    element.placeholder = t(element.dataset.i18nPlaceholder);
  for (const element of root.querySelectorAll('[data-i18n-alt]')) element.alt = t(element.dataset.i18nAlt);
  for (const element of root.querySelectorAll('[data-i18n-value]')) element.value = t(element.dataset.i18nValue);
}
