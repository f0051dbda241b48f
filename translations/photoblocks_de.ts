<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>mode must be head, seed, full or mobile</source>
        <translation>der Modus muss head, seed, full oder mobile sein</translation>
    </message>
    <message>
        <source>the network needs a name</source>
        <translation>das Netzwerk braucht einen Namen</translation>
    </message>
    <message>
        <source>seed `%1` is not host:port</source>
        <translation>Seed `%1` ist nicht Host:Port</translation>
    </message>
    <message>
        <source>the Redis URL must start with redis://, unix:// or /</source>
        <translation>die Redis-URL muss mit redis://, unix:// oder / beginnen</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>nothing it knows</source>
        <translation>nichts, was sie kennt</translation>
    </message>
    <message>
        <source>Wrong passphrase: the wallet stays locked. Check the keyboard layout and Caps Lock, then try again.</source>
        <translation>Falsche Passphrase: Die Wallet bleibt gesperrt. Prüfen Sie Tastaturbelegung und Feststelltaste und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The wallet file is damaged or was altered, so it cannot be unlocked with any passphrase (%1). Restore wallet.json from a backup.</source>
        <translation>Die Wallet-Datei ist beschädigt oder wurde verändert und lässt sich mit keiner Passphrase entsperren (%1). Stellen Sie wallet.json aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>The wallet file is not private: %1</source>
        <translation>Die Wallet-Datei ist nicht privat: %1</translation>
    </message>
    <message>
        <source>The passphrase is too weak: %1</source>
        <translation>Die Passphrase ist zu schwach: %1</translation>
    </message>
    <message>
        <source>an earlier transfer from this address is missing (nonce gap); wait for the pending ones and try again</source>
        <translation>eine frühere Überweisung dieser Adresse fehlt (Nonce-Lücke); warten Sie auf die ausstehenden und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>this address already spent that nonce (was another transfer sent meanwhile?)</source>
        <translation>diese Adresse hat diese Nonce bereits verwendet (wurde zwischenzeitlich eine andere Überweisung gesendet?)</translation>
    </message>
    <message>
        <source>the address does not hold enough coins for the amount plus the fee, counting its pending transfers</source>
        <translation>die Adresse hat nicht genug Coins für Betrag plus Gebühr, ausstehende Überweisungen eingerechnet</translation>
    </message>
    <message>
        <source>the fee is below this node&apos;s minimum</source>
        <translation>die Gebühr liegt unter dem Minimum dieses Knotens</translation>
    </message>
    <message>
        <source>the amount is below the smallest transfer the network accepts</source>
        <translation>der Betrag liegt unter der kleinsten Überweisung, die das Netzwerk annimmt</translation>
    </message>
    <message>
        <source>a pending transfer with the same nonce pays a fee at least as high</source>
        <translation>eine ausstehende Überweisung mit derselben Nonce zahlt eine mindestens so hohe Gebühr</translation>
    </message>
    <message>
        <source>the node&apos;s pool of pending transfers is full of transfers paying higher fees; raise the fee</source>
        <translation>der Pool ausstehender Überweisungen dieses Knotens ist voll mit Überweisungen höherer Gebühr; erhöhen Sie die Gebühr</translation>
    </message>
    <message>
        <source>this very transfer is already pending or confirmed</source>
        <translation>genau diese Überweisung ist bereits ausstehend oder bestätigt</translation>
    </message>
    <message>
        <source>it was signed for another network</source>
        <translation>sie wurde für ein anderes Netzwerk signiert</translation>
    </message>
    <message>
        <source>the node cannot check transfers right now (starting, or its storage is down)</source>
        <translation>der Knoten kann gerade keine Überweisungen prüfen (er startet, oder sein Speicher ist nicht erreichbar)</translation>
    </message>
    <message>
        <source>The node refused the transfer: %1.</source>
        <translation>Der Knoten hat die Überweisung abgelehnt: %1.</translation>
    </message>
    <message>
        <source>e.g. savings (optional)</source>
        <translation>z. B. Ersparnisse (optional)</translation>
    </message>
    <message>
        <source>Address label</source>
        <translation>Adressbezeichnung</translation>
    </message>
    <message>
        <source>too short: at least %1 characters</source>
        <translation>zu kurz: mindestens %1 Zeichen</translation>
    </message>
    <message>
        <source>weak: longer, or mix letters, digits and symbols</source>
        <translation>schwach: länger, oder Buchstaben, Ziffern und Symbole mischen</translation>
    </message>
    <message>
        <source>fair: a few more words would make it strong</source>
        <translation>mittel: ein paar Wörter mehr machen sie stark</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>stark</translation>
    </message>
    <message>
        <source>coins, e.g. 1.5</source>
        <translation>Coins, z. B. 1.5</translation>
    </message>
    <message>
        <source>%1 coins arrived at %2 in block %3.</source>
        <translation>%1 Coins sind in Block %3 bei %2 eingegangen.</translation>
    </message>
    <message>
        <source>%1 coins are on their way to %2 (pending, not yet in a block).</source>
        <translation>%1 Coins sind unterwegs zu %2 (ausstehend, noch in keinem Block).</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The new passphrase needs at least %1 characters.</source>
        <translation>Die neue Passphrase braucht mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>The two new passphrases differ.</source>
        <translation>Die beiden neuen Passphrasen unterscheiden sich.</translation>
    </message>
    <message>
        <source>%1. Nothing was replaced.</source>
        <translation>%1. Nichts wurde ersetzt.</translation>
    </message>
</context>
<context>
    <name>pb::ui</name>
    <message>
        <source>not measured yet</source>
        <translation>noch nicht gemessen</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1, about the median (%2)</source>
        <translation>%1, etwa der Median (%2)</translation>
    </message>
    <message>
        <source>%1, %2× the median (%3): slow</source>
        <translation>%1, %2× der Median (%3): langsam</translation>
    </message>
    <message>
        <source>%1, %2× the median (%3)</source>
        <translation>%1, %2× der Median (%3)</translation>
    </message>
    <message>
        <source>%1, faster than the median (%2)</source>
        <translation>%1, schneller als der Median (%2)</translation>
    </message>
    <message>
        <source>at our tip</source>
        <translation>auf Höhe unserer Spitze</translation>
    </message>
    <message>
        <source>1 block behind us</source>
        <translation>1 Block hinter uns</translation>
    </message>
    <message>
        <source>%1 blocks behind us</source>
        <translation>%1 Blöcke hinter uns</translation>
    </message>
    <message>
        <source>1 block ahead of us: we are syncing from it</source>
        <translation>1 Block vor uns: wir synchronisieren uns mit ihm</translation>
    </message>
    <message>
        <source>%1 blocks ahead of us: we are syncing from it</source>
        <translation>%1 Blöcke vor uns: wir synchronisieren uns mit ihm</translation>
    </message>
</context>
<context>
    <name>pb::ui::AboutDialog</name>
    <message>
        <source>About Photoblocks</source>
        <translation>Über Photoblocks</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Photoblocks %1&lt;/h2&gt;&lt;p&gt;A proof-of-work blockchain whose blocks are photographs: desktop node and miner.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Photoblocks %1&lt;/h2&gt;&lt;p&gt;Eine Proof-of-Work-Blockchain, deren Blöcke Fotos sind: Desktop-Knoten und Miner.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>Qt version</source>
        <translation>Qt-Version</translation>
    </message>
    <message>
        <source>OpenSSL</source>
        <translation>OpenSSL</translation>
    </message>
    <message>
        <source>OpenSSL version</source>
        <translation>OpenSSL-Version</translation>
    </message>
    <message>
        <source>OpenCV</source>
        <translation>OpenCV</translation>
    </message>
    <message>
        <source>OpenCV version</source>
        <translation>OpenCV-Version</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>Redis version</source>
        <translation>Redis-Version</translation>
    </message>
    <message>
        <source>asking redis-server…</source>
        <translation>frage redis-server…</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>unbekannt (%1)</translation>
    </message>
    <message>
        <source>redis-server not found: %1</source>
        <translation>redis-server nicht gefunden: %1</translation>
    </message>
</context>
<context>
    <name>pb::ui::AddressBookDialog</name>
    <message>
        <source>Address book</source>
        <translation>Adressbuch</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Saved recipients</source>
        <translation>Gespeicherte Empfänger</translation>
    </message>
    <message>
        <source>Recipient name</source>
        <translation>Name des Empfängers</translation>
    </message>
    <message>
        <source>Recipient address</source>
        <translation>Empfängeradresse</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the recipient</source>
        <translation>Den Empfänger speichern</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Gewählten entfernen</translation>
    </message>
    <message>
        <source>Remove the selected recipient</source>
        <translation>Den gewählten Empfänger entfernen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Select a recipient first.</source>
        <translation>Wählen Sie zuerst einen Empfänger.</translation>
    </message>
</context>
<context>
    <name>pb::ui::AddressView</name>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Address title</source>
        <translation>Adresstitel</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Confirmed balance</source>
        <translation>Bestätigtes Guthaben</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Pending change</source>
        <translation>Ausstehende Änderung</translation>
    </message>
    <message>
        <source>Nonce</source>
        <translation>Nonce</translation>
    </message>
    <message>
        <source>Address nonce</source>
        <translation>Nonce der Adresse</translation>
    </message>
    <message>
        <source>Address history</source>
        <translation>Verlauf der Adresse</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaktion</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>From / to</source>
        <translation>Von / an</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Double-click a row or press Enter to go to its block.</source>
        <translation>Doppelklick auf eine Zeile oder Enter zeigt ihren Block.</translation>
    </message>
    <message>
        <source>Address %1</source>
        <translation>Adresse %1</translation>
    </message>
    <message>
        <source>nothing pending</source>
        <translation>nichts ausstehend</translation>
    </message>
    <message>
        <source>+%1 incoming, −%2 in %3 outgoing transfers</source>
        <translation>+%1 eingehend, −%2 in %3 ausgehenden Überweisungen</translation>
    </message>
    <message>
        <source>%1 confirmed, next transfer uses %2</source>
        <translation>%1 bestätigt, die nächste Überweisung nutzt %2</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>received</source>
        <translation>empfangen</translation>
    </message>
</context>
<context>
    <name>pb::ui::BanDialog</name>
    <message>
        <source>Ban %1</source>
        <translation>%1 sperren</translation>
    </message>
    <message>
        <source>Ban duration</source>
        <translation>Sperrdauer</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 Woche</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 Jahr</translation>
    </message>
    <message>
        <source>banned by the operator</source>
        <translation>vom Betreiber gesperrt</translation>
    </message>
    <message>
        <source>Ban reason</source>
        <translation>Sperrgrund</translation>
    </message>
    <message>
        <source>Ban</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Connections from %1 are closed and refused until the ban ends.</source>
        <translation>Verbindungen von %1 werden geschlossen und bis zum Ende der Sperre abgelehnt.</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Ban an address or subnet</source>
        <translation>Eine Adresse oder ein Subnetz sperren</translation>
    </message>
    <message>
        <source>Address or subnet to ban</source>
        <translation>Zu sperrende Adresse oder zu sperrendes Subnetz</translation>
    </message>
    <message>
        <source>203.0.113.7, 203.0.113.0/24 or 2001:db8::/64</source>
        <translation>203.0.113.7, 203.0.113.0/24 oder 2001:db8::/64</translation>
    </message>
    <message>
        <source>Connections from the address or subnet are closed and refused until the ban ends.</source>
        <translation>Verbindungen von der Adresse oder dem Subnetz werden geschlossen und bis zum Ende der Sperre abgelehnt.</translation>
    </message>
    <message>
        <source>&amp;Address or subnet:</source>
        <translation>&amp;Adresse oder Subnetz:</translation>
    </message>
</context>
<context>
    <name>pb::ui::BanTableModel</name>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Banned until</source>
        <translation>Gesperrt bis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Banned at</source>
        <translation>Gesperrt am</translation>
    </message>
</context>
<context>
    <name>pb::ui::BlockDetailView</name>
    <message>
        <source>Select a block, or search by height or hash.</source>
        <translation>Wählen Sie einen Block oder suchen Sie nach Höhe oder Hash.</translation>
    </message>
    <message>
        <source>Block title</source>
        <translation>Blocktitel</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>Block hash</source>
        <translation>Block-Hash</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorgänger</translation>
    </message>
    <message>
        <source>Previous block hash</source>
        <translation>Hash des vorigen Blocks</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Block time</source>
        <translation>Blockzeit</translation>
    </message>
    <message>
        <source>Bits</source>
        <translation>Bits</translation>
    </message>
    <message>
        <source>Difficulty bits</source>
        <translation>Schwierigkeits-Bits</translation>
    </message>
    <message>
        <source>Nonce</source>
        <translation>Nonce</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Header version</source>
        <translation>Header-Version</translation>
    </message>
    <message>
        <source>Content root</source>
        <translation>Inhaltswurzel</translation>
    </message>
    <message>
        <source>Chain work</source>
        <translation>Kettenarbeit</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Block size</source>
        <translation>Blockgröße</translation>
    </message>
    <message>
        <source>Label claim</source>
        <translation>Beanspruchtes Label</translation>
    </message>
    <message>
        <source>Votes on the claim</source>
        <translation>Stimmen zum Label</translation>
    </message>
    <message>
        <source>Its own vote</source>
        <translation>Eigene Stimme</translation>
    </message>
    <message>
        <source>The block&apos;s own vote</source>
        <translation>Die eigene Stimme des Blocks</translation>
    </message>
    <message>
        <source>Recognizer here sees</source>
        <translation>Die Erkennung hier sieht</translation>
    </message>
    <message>
        <source>What this node&apos;s recognizer sees</source>
        <translation>Was die Erkennung dieses Knotens sieht</translation>
    </message>
    <message>
        <source>Block photo</source>
        <translation>Blockfoto</translation>
    </message>
    <message>
        <source>&amp;Full size</source>
        <translation>&amp;Volle Größe</translation>
    </message>
    <message>
        <source>Show the photo at full size</source>
        <translation>Das Foto in voller Größe zeigen</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transaktionen</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaktion</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>Block %1</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>%1 agree, %2 disagree, %3 abstain</source>
        <translation>%1 dafür, %2 dagegen, %3 Enthaltungen</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>The photo is not stored here.</source>
        <translation>Das Foto ist hier nicht gespeichert.</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Kein Foto</translation>
    </message>
    <message>
        <source>Block %1 (not yet confirmed by full peers)</source>
        <translation>Block %1 (noch nicht von vollständigen Knoten bestätigt)</translation>
    </message>
    <message>
        <source>pruned here; fetching from a full peer…</source>
        <translation>hier gekürzt; wird von einem vollständigen Knoten geholt…</translation>
    </message>
    <message>
        <source>This mobile node pruned the block&apos;s body and photo; they are being fetched from a full peer.</source>
        <translation>Dieser mobile Knoten hat Inhalt und Foto des Blocks gekürzt; sie werden von einem vollständigen Knoten geholt.</translation>
    </message>
    <message>
        <source>%1 bytes (body pruned here; fetching it from a full peer…)</source>
        <translation>%1 Bytes (Inhalt hier gekürzt; wird von einem vollständigen Knoten geholt…)</translation>
    </message>
</context>
<context>
    <name>pb::ui::BlockListModel</name>
    <message>
        <source>%1 / %2 / %3</source>
        <translation>%1 / %2 / %3</translation>
    </message>
    <message>
        <source>unavailable: %1</source>
        <translation>nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>agree / disagree / abstain</source>
        <translation>dafür / dagegen / Enthaltung</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Stimmen</translation>
    </message>
    <message>
        <source>Tx</source>
        <translation>Tx</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
</context>
<context>
    <name>pb::ui::ChainPage</name>
    <message>
        <source>Blocks</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <source>Search: block height or hash, transfer id or pb1… address, then Enter</source>
        <translation>Suche: Blockhöhe oder -Hash, Überweisungs-ID oder pb1…-Adresse, dann Enter</translation>
    </message>
    <message>
        <source>Chain search</source>
        <translation>Suche in der Blockkette</translation>
    </message>
    <message>
        <source>Chain page message</source>
        <translation>Meldung der Blockketten-Seite</translation>
    </message>
    <message>
        <source>No block has this hash and no transfer this id (%1).</source>
        <translation>Kein Block hat diesen Hash und keine Überweisung diese ID (%1).</translation>
    </message>
    <message>
        <source>No block at height %1; the chain is %2 blocks high.</source>
        <translation>Kein Block auf Höhe %1; die Kette ist %2 Blöcke hoch.</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>Suche %1…</translation>
    </message>
    <message>
        <source>Type a block height, a 64-digit block hash or transfer id, or a pb1… address.</source>
        <translation>Geben Sie eine Blockhöhe, einen 64-stelligen Block-Hash oder eine Überweisungs-ID oder eine pb1…-Adresse ein.</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
</context>
<context>
    <name>pb::ui::ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Passphrase ändern</translation>
    </message>
    <message>
        <source>Change the wallet passphrase</source>
        <translation>Die Passphrase der Wallet ändern</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Aktuelle Passphrase</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Neue Passphrase</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Die neue Passphrase wiederholen</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Stärke der Passphrase</translation>
    </message>
    <message>
        <source>Backups made before now keep opening with the current passphrase; make a new backup after the change.</source>
        <translation>Bisherige Sicherungen öffnen sich weiterhin mit der aktuellen Passphrase; legen Sie nach der Änderung eine neue Sicherung an.</translation>
    </message>
    <message>
        <source>Current:</source>
        <translation>Aktuell:</translation>
    </message>
    <message>
        <source>New:</source>
        <translation>Neu:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Stärke:</translation>
    </message>
    <message>
        <source>Repeat new:</source>
        <translation>Neue wiederholen:</translation>
    </message>
    <message>
        <source>Type the current passphrase.</source>
        <translation>Geben Sie die aktuelle Passphrase ein.</translation>
    </message>
</context>
<context>
    <name>pb::ui::CreateWalletDialog</name>
    <message>
        <source>Create wallet</source>
        <translation>Wallet anlegen</translation>
    </message>
    <message>
        <source>Create a wallet</source>
        <translation>Eine Wallet anlegen</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Stärke der Passphrase</translation>
    </message>
    <message>
        <source>The wallet keeps your keys in %1, encrypted with this passphrase. Without the passphrase the coins cannot be spent: write it down.</source>
        <translation>Die Wallet bewahrt Ihre Schlüssel in %1 auf, verschlüsselt mit dieser Passphrase. Ohne die Passphrase lassen sich die Coins nicht ausgeben: Schreiben Sie sie auf.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Stärke:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <source>First address label:</source>
        <translation>Bezeichnung der ersten Adresse:</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>Die Passphrase braucht mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen unterscheiden sich.</translation>
    </message>
</context>
<context>
    <name>pb::ui::FirstRunDialog</name>
    <message>
        <source>Welcome to Photoblocks</source>
        <translation>Willkommen bei Photoblocks</translation>
    </message>
    <message>
        <source>&lt;p&gt;This node has no wallet yet.&lt;/p&gt;&lt;p&gt;A wallet holds the keys of your addresses, encrypted with a passphrase. With one, the coins this node mines go to your own address, and you can receive and send coins on the Wallet page.&lt;/p&gt;&lt;p&gt;You can also skip this and create a wallet later on the Wallet page.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Dieser Knoten hat noch keine Wallet.&lt;/p&gt;&lt;p&gt;Eine Wallet enthält die Schlüssel Ihrer Adressen, verschlüsselt mit einer Passphrase. Mit ihr gehen die Coins, die dieser Knoten mint, an Ihre eigene Adresse, und Sie können auf der Seite „Wallet“ Coins empfangen und senden.&lt;/p&gt;&lt;p&gt;Sie können diesen Schritt auch überspringen und die Wallet später auf der Seite „Wallet“ anlegen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <source>Create a wallet…</source>
        <translation>Eine Wallet anlegen…</translation>
    </message>
    <message>
        <source>Create a wallet</source>
        <translation>Eine Wallet anlegen</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Skip creating a wallet</source>
        <translation>Anlegen einer Wallet überspringen</translation>
    </message>
</context>
<context>
    <name>pb::ui::GalleryView</name>
    <message>
        <source>Photo gallery</source>
        <translation>Fotogalerie</translation>
    </message>
    <message>
        <source>Search labels</source>
        <translation>Labels durchsuchen</translation>
    </message>
    <message>
        <source>Gallery label search</source>
        <translation>Label-Suche der Galerie</translation>
    </message>
    <message>
        <source>Reading the chain&apos;s photos…</source>
        <translation>Die Fotos der Blockkette werden gelesen…</translation>
    </message>
    <message>
        <source>Gallery summary</source>
        <translation>Zusammenfassung der Galerie</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>(kein Label)</translation>
    </message>
    <message>
        <source>Block %1: %2</source>
        <translation>Block %1: %2</translation>
    </message>
    <message>
        <source>Cannot read the chain&apos;s photos: %1</source>
        <translation>Die Fotos der Blockkette können nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) in the newest %1 blocks</source>
        <translation>
            <numerusform>%n Foto in den neuesten %1 Blöcken</numerusform>
            <numerusform>%n Fotos in den neuesten %1 Blöcken</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; %2 with a label containing &quot;%3&quot;.</source>
        <translation>%1; %2 mit einem Label, das „%3“ enthält.</translation>
    </message>
</context>
<context>
    <name>pb::ui::HistoryChart</name>
    <message>
        <source>%1 chart range</source>
        <translation>Zeitraum des Diagramms %1</translation>
    </message>
    <message>
        <source>10 min</source>
        <translation>10 Min.</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 Std.</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 Std.</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>How far back the chart goes; the node keeps this history across restarts</source>
        <translation>Wie weit das Diagramm zurückreicht; der Knoten bewahrt diesen Verlauf über Neustarts hinweg</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
</context>
<context>
    <name>pb::ui::LogModel</name>
    <message>
        <source>debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>pb::ui::LogPage</name>
    <message>
        <source>Minimum log level</source>
        <translation>Niedrigste Protokollstufe</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Stufe:</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Protokoll durchsuchen</translation>
    </message>
    <message>
        <source>Log search</source>
        <translation>Protokollsuche</translation>
    </message>
    <message>
        <source>Engine log</source>
        <translation>Protokoll des Knotens</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected log lines</source>
        <translation>Die gewählten Protokollzeilen kopieren</translation>
    </message>
    <message>
        <source>The selected lines, or every shown line when none is selected</source>
        <translation>Die gewählten Zeilen oder, wenn keine gewählt ist, alle angezeigten Zeilen</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>S&amp;peichern…</translation>
    </message>
    <message>
        <source>Save the selected log lines</source>
        <translation>Die gewählten Protokollzeilen speichern</translation>
    </message>
    <message>
        <source>Save log lines</source>
        <translation>Protokollzeilen speichern</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Textdateien (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Log page message</source>
        <translation>Meldung der Protokollseite</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n line(s).</source>
        <translation>
            <numerusform>%n Zeile kopiert.</numerusform>
            <numerusform>%n Zeilen kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n line(s) to %1.</source>
        <translation>
            <numerusform>%n Zeile in %1 gespeichert.</numerusform>
            <numerusform>%n Zeilen in %1 gespeichert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pb::ui::MainWindow</name>
    <message>
        <source>Photoblocks</source>
        <translation>Photoblocks</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Peers</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Blockkette</translation>
    </message>
    <message>
        <source>Mining</source>
        <translation>Mining</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobil</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Starting the node…</source>
        <translation>Knoten startet…</translation>
    </message>
    <message>
        <source>Node running</source>
        <translation>Knoten läuft</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>%1 page</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Photoblocks</source>
        <translation>&amp;Über Photoblocks</translation>
    </message>
    <message>
        <source>Found block %1 (%2)</source>
        <translation>Block %1 gefunden (%2)</translation>
    </message>
    <message>
        <source>Node stopped: %1</source>
        <translation>Knoten angehalten: %1</translation>
    </message>
    <message>
        <source>Photoblocks cannot run the node</source>
        <translation>Photoblocks kann den Knoten nicht betreiben</translation>
    </message>
    <message>
        <source>Photoblocks keeps running</source>
        <translation>Photoblocks läuft weiter</translation>
    </message>
    <message>
        <source>The node runs on in the tray; quit from its menu.</source>
        <translation>Der Knoten läuft im Infobereich weiter; beenden Sie ihn über dessen Menü.</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <source>Coins received</source>
        <translation>Coins erhalten</translation>
    </message>
    <message>
        <source>Coins on their way</source>
        <translation>Coins unterwegs</translation>
    </message>
    <message>
        <source>Mempool</source>
        <translation>Mempool</translation>
    </message>
</context>
<context>
    <name>pb::ui::MempoolPage</name>
    <message>
        <source>Pending transfers</source>
        <translation>Ausstehende Überweisungen</translation>
    </message>
    <message>
        <source>Reading the mempool…</source>
        <translation>Mempool wird gelesen…</translation>
    </message>
    <message>
        <source>Mempool summary</source>
        <translation>Zusammenfassung der Mempool</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pending transfers&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ausstehende Überweisungen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Cannot read the mempool: %1</source>
        <translation>Die Mempool kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No transfers are waiting for a block.</source>
        <translation>Keine Überweisung wartet auf einen Block.</translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s) waiting, %1 bytes; fee rates from %2 to %3 units/kB.</source>
        <translation>
            <numerusform>%n Überweisung wartet, %1 Bytes; Gebührensätze von %2 bis %3 Einheiten/kB.</numerusform>
            <numerusform>%n Überweisungen warten, %1 Bytes; Gebührensätze von %2 bis %3 Einheiten/kB.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pb::ui::MempoolTableModel</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>%1 units/kB</source>
        <translation>%1 Einheiten/kB</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Überweisung</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Gebühr</translation>
    </message>
    <message>
        <source>Fee rate</source>
        <translation>Gebührensatz</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
</context>
<context>
    <name>pb::ui::MiningControls</name>
    <message>
        <source>Mining threads</source>
        <translation>Mining-Threads</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads:</translation>
    </message>
    <message>
        <source>Start mining</source>
        <translation>Mining starten</translation>
    </message>
    <message>
        <source>Start or stop mining</source>
        <translation>Mining starten oder anhalten</translation>
    </message>
    <message>
        <source>Stop mining</source>
        <translation>Mining anhalten</translation>
    </message>
    <message>
        <source>Why mining waits</source>
        <translation>Warum das Mining wartet</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for the chain to sync before mining (%n block(s) behind)</source>
        <translation>
            <numerusform>Warten auf die Synchronisierung der Blockkette vor dem Mining (%n Block im Rückstand)</numerusform>
            <numerusform>Warten auf die Synchronisierung der Blockkette vor dem Mining (%n Blöcke im Rückstand)</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the chain to sync before mining</source>
        <translation>Warten auf die Synchronisierung der Blockkette vor dem Mining</translation>
    </message>
    <message>
        <source>Waiting: the newest blocks are ahead of this computer&apos;s clock</source>
        <translation>Warten: Die neuesten Blöcke sind der Uhr dieses Computers voraus</translation>
    </message>
</context>
<context>
    <name>pb::ui::MiningJobModel</name>
    <message>
        <source>block %1…</source>
        <translation>Block %1…</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Stimme</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
</context>
<context>
    <name>pb::ui::MiningPage</name>
    <message>
        <source>Mining statistics</source>
        <translation>Mining-Statistik</translation>
    </message>
    <message>
        <source>Hashrate</source>
        <translation>Hashrate</translation>
    </message>
    <message>
        <source>Mining jobs</source>
        <translation>Mining-Aufträge</translation>
    </message>
    <message>
        <source>&amp;Cancel job</source>
        <translation>Auftrag &amp;abbrechen</translation>
    </message>
    <message>
        <source>Cancel the selected job</source>
        <translation>Den gewählten Auftrag abbrechen</translation>
    </message>
    <message>
        <source>Job queue</source>
        <translation>Auftragswarteschlange</translation>
    </message>
    <message>
        <source>C&amp;hoose photo…</source>
        <translation>Foto &amp;wählen…</translation>
    </message>
    <message>
        <source>Label the photo claims</source>
        <translation>Label, das das Foto beansprucht</translation>
    </message>
    <message>
        <source>Vote on the previous claim&apos;s label</source>
        <translation>Stimme zum Label des vorigen Anspruchs</translation>
    </message>
    <message>
        <source>abstain</source>
        <translation>Enthaltung</translation>
    </message>
    <message>
        <source>agree</source>
        <translation>dafür</translation>
    </message>
    <message>
        <source>disagree</source>
        <translation>dagegen</translation>
    </message>
    <message>
        <source>Your block&apos;s vote on the label of the latest photo block before it</source>
        <translation>Die Stimme Ihres Blocks zum Label des letzten Fotoblocks davor</translation>
    </message>
    <message>
        <source>&amp;Queue photo</source>
        <translation>Foto &amp;einreihen</translation>
    </message>
    <message>
        <source>Queue the photo for mining</source>
        <translation>Das Foto zum Mining einreihen</translation>
    </message>
    <message>
        <source>Mining page message</source>
        <translation>Meldung der Mining-Seite</translation>
    </message>
    <message>
        <source>What the recognizer sees</source>
        <translation>Was die Erkennung sieht</translation>
    </message>
    <message>
        <source>%1 ready to queue.</source>
        <translation>%1 kann eingereiht werden.</translation>
    </message>
    <message>
        <source>Mine a photo</source>
        <translation>Ein Foto minen</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Label:</translation>
    </message>
    <message>
        <source>&amp;Vote:</source>
        <translation>S&amp;timme:</translation>
    </message>
    <message>
        <source>Hashrate %1 (10 s) · %2 (60 s) · %3 (15 min) · backend %4 · blocks found %5 · rewards %6 coins</source>
        <translation>Hashrate %1 (10 s) · %2 (60 s) · %3 (15 min) · Backend %4 · gefundene Blöcke %5 · Belohnungen %6 Coins</translation>
    </message>
    <message>
        <source>The recognizer must see this in the photo</source>
        <translation>Das muss die Erkennung im Foto sehen</translation>
    </message>
    <message>
        <source>The node did not queue the photo: %1.</source>
        <translation>Der Knoten hat das Foto nicht eingereiht: %1.</translation>
    </message>
    <message>
        <source>Queued %1 as job %2; the recognizer checks it next.</source>
        <translation>%1 als Auftrag %2 eingereiht; als Nächstes prüft es die Erkennung.</translation>
    </message>
    <message>
        <source>Select a job to cancel first.</source>
        <translation>Wählen Sie zuerst einen Auftrag zum Abbrechen.</translation>
    </message>
    <message>
        <source>Cannot cancel job %1: %2.</source>
        <translation>Auftrag %1 kann nicht abgebrochen werden: %2.</translation>
    </message>
    <message>
        <source>Cancelling job %1.</source>
        <translation>Breche Auftrag %1 ab.</translation>
    </message>
    <message>
        <source>The recognizer is looking at the photo…</source>
        <translation>Die Erkennung betrachtet das Foto…</translation>
    </message>
    <message>
        <source>No preview: %1.</source>
        <translation>Keine Vorschau: %1.</translation>
    </message>
    <message>
        <source>The recognizer sees %1: no label it would confirm, so a job would be rejected.</source>
        <translation>Die Erkennung sieht %1: kein Label, das sie bestätigen würde; ein Auftrag würde abgelehnt.</translation>
    </message>
    <message>
        <source>The recognizer sees %1 and would confirm: %2.</source>
        <translation>Die Erkennung sieht %1 und würde bestätigen: %2.</translation>
    </message>
    <message>
        <source>This node</source>
        <translation>Dieser Knoten</translation>
    </message>
</context>
<context>
    <name>pb::ui::MobilePage</name>
    <message>
        <source>Paired devices</source>
        <translation>Gekoppelte Geräte</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Device id</source>
        <translation>Geräte-ID</translation>
    </message>
    <message>
        <source>Paired at</source>
        <translation>Gekoppelt am</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>Revoke the selected device</source>
        <translation>Das gewählte Gerät widerrufen</translation>
    </message>
    <message>
        <source>Mobile page message</source>
        <translation>Meldung der Mobil-Seite</translation>
    </message>
    <message>
        <source>Mobile mining jobs</source>
        <translation>Mobile Mining-Aufträge</translation>
    </message>
    <message>
        <source>Mobile job queue</source>
        <translation>Mobile Auftragswarteschlange</translation>
    </message>
    <message>
        <source>REST API state</source>
        <translation>Zustand der REST-API</translation>
    </message>
    <message>
        <source>&amp;Serve the REST API (phones need it)</source>
        <translation>REST-API &amp;anbieten (Telefone brauchen sie)</translation>
    </message>
    <message>
        <source>Serve the REST API</source>
        <translation>REST-API anbieten</translation>
    </message>
    <message>
        <source>REST API port</source>
        <translation>Port der REST-API</translation>
    </message>
    <message>
        <source>Listen on &amp;all interfaces, so phones on the LAN reach it</source>
        <translation>Auf allen &amp;Schnittstellen lauschen, damit Telefone im LAN sie erreichen</translation>
    </message>
    <message>
        <source>Listen on all interfaces</source>
        <translation>Auf allen Schnittstellen lauschen</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Spei&amp;chern</translation>
    </message>
    <message>
        <source>Save the REST API settings</source>
        <translation>Die Einstellungen der REST-API speichern</translation>
    </message>
    <message>
        <source>REST API settings message</source>
        <translation>Meldung zu den REST-API-Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>REST API (applied after a restart)</source>
        <translation>REST-API (gilt nach einem Neustart)</translation>
    </message>
    <message>
        <source>&amp;Pair a phone</source>
        <translation>Telefon &amp;koppeln</translation>
    </message>
    <message>
        <source>Pair a phone</source>
        <translation>Telefon koppeln</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Kopplungscode</translation>
    </message>
    <message>
        <source>Open on the phone</source>
        <translation>Auf dem Telefon öffnen</translation>
    </message>
    <message>
        <source>Pairing address</source>
        <translation>Kopplungsadresse</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Pairing code expiry</source>
        <translation>Ablauf des Kopplungscodes</translation>
    </message>
    <message>
        <source>Pair a phone to show its QR code here.</source>
        <translation>Koppeln Sie ein Telefon, um hier seinen QR-Code zu sehen.</translation>
    </message>
    <message>
        <source>Pairing QR code</source>
        <translation>Kopplungs-QR-Code</translation>
    </message>
    <message>
        <source>The REST API is off, so phones cannot pair or send jobs. Tick &quot;Serve the REST API&quot;, save, and restart Photoblocks (or start it with --rest-port %1).</source>
        <translation>Die REST-API ist aus, daher können Telefone weder koppeln noch Aufträge senden. Kreuzen Sie „REST-API anbieten“ an, speichern Sie und starten Sie Photoblocks neu (oder starten Sie es mit --rest-port %1).</translation>
    </message>
    <message>
        <source>every interface, for phones on the LAN</source>
        <translation>alle Schnittstellen, für Telefone im LAN</translation>
    </message>
    <message>
        <source>this machine only</source>
        <translation>nur dieser Rechner</translation>
    </message>
    <message>
        <source>The REST API is on: port %1, %2. Phones open %3</source>
        <translation>Die REST-API ist an: Port %1, %2. Telefone öffnen %3</translation>
    </message>
    <message>
        <source>The REST API is on: port %1, %2. Pairing is off: this node keeps no devices file.</source>
        <translation>Die REST-API ist an: Port %1, %2. Koppeln ist aus: dieser Knoten führt keine Gerätedatei.</translation>
    </message>
    <message>
        <source>Saved. Restart Photoblocks for the REST API settings to take effect.</source>
        <translation>Gespeichert. Starten Sie Photoblocks neu, damit die REST-API-Einstellungen wirken.</translation>
    </message>
    <message>
        <source>%1 (one use)</source>
        <translation>%1 (einmal verwendbar)</translation>
    </message>
    <message>
        <source>The address is too long for a QR code; type it on the phone.</source>
        <translation>Die Adresse ist zu lang für einen QR-Code; tippen Sie sie auf dem Telefon ein.</translation>
    </message>
    <message>
        <source>Scan the QR code with the phone, or open the address and type the code.</source>
        <translation>Scannen Sie den QR-Code mit dem Telefon oder öffnen Sie die Adresse und geben Sie den Code ein.</translation>
    </message>
    <message>
        <source>Select a device to revoke.</source>
        <translation>Wählen Sie ein Gerät zum Widerrufen.</translation>
    </message>
    <message>
        <source>Revoked %1: its token no longer works.</source>
        <translation>%1 widerrufen: sein Token funktioniert nicht mehr.</translation>
    </message>
    <message>
        <source>Could not revoke %1: %2.</source>
        <translation>%1 konnte nicht widerrufen werden: %2.</translation>
    </message>
    <message>
        <source>Where the REST API settings come from</source>
        <translation>Woher die Einstellungen der REST-API stammen</translation>
    </message>
    <message>
        <source>This run uses %1, which wins over the form below. The form is what is saved: it takes effect at the next start without those options.</source>
        <translation>Dieser Lauf verwendet %1, was Vorrang vor dem Formular unten hat. Gespeichert wird das Formular: Es wirkt beim nächsten Start ohne diese Optionen.</translation>
    </message>
</context>
<context>
    <name>pb::ui::NewAddressDialog</name>
    <message>
        <source>Add address</source>
        <translation>Adresse hinzufügen</translation>
    </message>
    <message>
        <source>New address</source>
        <translation>Neue Adresse</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Bezeichnung:</translation>
    </message>
    <message>
        <source>Unlock the wallet first.</source>
        <translation>Entsperren Sie zuerst die Wallet.</translation>
    </message>
</context>
<context>
    <name>pb::ui::OverviewPage</name>
    <message>
        <source>Node and chain</source>
        <translation>Knoten und Kette</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Network name</source>
        <translation>Netzwerkname</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Node mode</source>
        <translation>Knotenmodus</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <source>Chain height</source>
        <translation>Kettenhöhe</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Spitze</translation>
    </message>
    <message>
        <source>Tip block hash</source>
        <translation>Hash des obersten Blocks</translation>
    </message>
    <message>
        <source>Last block</source>
        <translation>Letzter Block</translation>
    </message>
    <message>
        <source>Age of the last block</source>
        <translation>Alter des letzten Blocks</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Peers</translation>
    </message>
    <message>
        <source>Connected peers</source>
        <translation>Verbundene Peers</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Synchronisierungsfortschritt</translation>
    </message>
    <message>
        <source>waiting for peers</source>
        <translation>warte auf Peers</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>Synchronisierungsstand</translation>
    </message>
    <message>
        <source>Sync:</source>
        <translation>Synchronisierung:</translation>
    </message>
    <message>
        <source>Mining</source>
        <translation>Mining</translation>
    </message>
    <message>
        <source>Hashrate</source>
        <translation>Hashrate</translation>
    </message>
    <message>
        <source>Hashrate over 10 s, 60 s and 15 min</source>
        <translation>Hashrate über 10 s, 60 s und 15 min</translation>
    </message>
    <message>
        <source>Blocks found</source>
        <translation>Gefundene Blöcke</translation>
    </message>
    <message>
        <source>Blocks found by this node</source>
        <translation>Von diesem Knoten gefundene Blöcke</translation>
    </message>
    <message>
        <source>Reward address</source>
        <translation>Belohnungsadresse</translation>
    </message>
    <message>
        <source>Address receiving rewards</source>
        <translation>Adresse, die Belohnungen erhält</translation>
    </message>
    <message>
        <source>Last blocks found</source>
        <translation>Zuletzt gefundene Blöcke</translation>
    </message>
    <message>
        <source>Last found:</source>
        <translation>Zuletzt gefunden:</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>startet…</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1 (%2 coins)</source>
        <translation>%1 (%2 Coins)</translation>
    </message>
    <message>
        <source>head of the network</source>
        <translation>Kopf des Netzwerks</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>%1 blocks left, about %2</source>
        <translation>noch %1 Blöcke, etwa %2</translation>
    </message>
    <message>
        <source>%1 blocks left</source>
        <translation>noch %1 Blöcke</translation>
    </message>
    <message>
        <source>%1  block %2  %3…</source>
        <translation>%1  Block %2  %3…</translation>
    </message>
    <message>
        <source>Wallet balance</source>
        <translation>Wallet-Guthaben</translation>
    </message>
    <message>
        <source>Wallet balance, confirmed and pending</source>
        <translation>Wallet-Guthaben, bestätigt und ausstehend</translation>
    </message>
    <message>
        <source>%1 coins confirmed</source>
        <translation>%1 Coins bestätigt</translation>
    </message>
    <message>
        <source>, pending +%1 / −%2</source>
        <translation>, ausstehend +%1 / −%2</translation>
    </message>
</context>
<context>
    <name>pb::ui::PaymentRequestDialog</name>
    <message>
        <source>Request a payment</source>
        <translation>Eine Zahlung anfordern</translation>
    </message>
    <message>
        <source>Requested amount in coins</source>
        <translation>Angeforderter Betrag in Coins</translation>
    </message>
    <message>
        <source>coins, e.g. 1.5 (optional)</source>
        <translation>Coins, z. B. 1,5 (optional)</translation>
    </message>
    <message>
        <source>Your name for the payer</source>
        <translation>Ihr Name für den Zahlenden</translation>
    </message>
    <message>
        <source>e.g. Corner shop (optional)</source>
        <translation>z. B. Laden an der Ecke (optional)</translation>
    </message>
    <message>
        <source>What the payment is for</source>
        <translation>Wofür die Zahlung ist</translation>
    </message>
    <message>
        <source>e.g. Order 42 (optional)</source>
        <translation>z. B. Bestellung 42 (optional)</translation>
    </message>
    <message>
        <source>Payment request link</source>
        <translation>Link der Zahlungsanforderung</translation>
    </message>
    <message>
        <source>QR code of the payment request</source>
        <translation>QR-Code der Zahlungsanforderung</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Copy the payment request link</source>
        <translation>Den Link der Zahlungsanforderung kopieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Betrag:</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Bezeichnung:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Nachricht:</translation>
    </message>
    <message>
        <source>The amount is not a positive number of coins (at most 8 decimals).</source>
        <translation>Der Betrag ist keine positive Anzahl Coins (höchstens 8 Nachkommastellen).</translation>
    </message>
    <message>
        <source>This request cannot be made: %1</source>
        <translation>Diese Anforderung ist nicht möglich: %1</translation>
    </message>
</context>
<context>
    <name>pb::ui::PeerDetailView</name>
    <message>
        <source>No peer selected</source>
        <translation>Kein Peer gewählt</translation>
    </message>
    <message>
        <source>Peer detail title</source>
        <translation>Titel der Peer-Details</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Node id</source>
        <translation>Knoten-ID</translation>
    </message>
    <message>
        <source>Peer node id</source>
        <translation>Knoten-ID des Peers</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Peer type</source>
        <translation>Typ des Peers</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Peer protocol version</source>
        <translation>Protokollversion des Peers</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>Software</translation>
    </message>
    <message>
        <source>Peer software</source>
        <translation>Software des Peers</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Peer address</source>
        <translation>Adresse des Peers</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Peer direction</source>
        <translation>Verbindungsrichtung des Peers</translation>
    </message>
    <message>
        <source>Accepts peers on</source>
        <translation>Port für eingehende Peers</translation>
    </message>
    <message>
        <source>Peer listen port</source>
        <translation>Lauschport des Peers</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden seit</translation>
    </message>
    <message>
        <source>Peer connected since</source>
        <translation>Peer verbunden seit</translation>
    </message>
    <message>
        <source>Ping</source>
        <translation>Ping</translation>
    </message>
    <message>
        <source>Peer ping</source>
        <translation>Ping des Peers</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <source>Peer height</source>
        <translation>Höhe des Peers</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Datenverkehr</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Bytes received from the peer</source>
        <translation>Vom Peer empfangene Bytes</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Bytes sent to the peer</source>
        <translation>An den Peer gesendete Bytes</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Durchschnitt</translation>
    </message>
    <message>
        <source>Peer average traffic</source>
        <translation>Durchschnittlicher Datenverkehr des Peers</translation>
    </message>
    <message>
        <source>Misbehaviour</source>
        <translation>Fehlverhalten</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punktzahl</translation>
    </message>
    <message>
        <source>Peer misbehaviour score</source>
        <translation>Fehlverhaltenspunkte des Peers</translation>
    </message>
    <message>
        <source>%1 peers selected</source>
        <translation>%1 Peers gewählt</translation>
    </message>
    <message>
        <source>Peer %1</source>
        <translation>Peer %1</translation>
    </message>
    <message>
        <source>not known until the handshake completes</source>
        <translation>erst nach dem Handshake bekannt</translation>
    </message>
    <message>
        <source>inbound: it connected to us</source>
        <translation>eingehend: er hat sich mit uns verbunden</translation>
    </message>
    <message>
        <source>outbound: we connected to it</source>
        <translation>ausgehend: wir haben uns mit ihm verbunden</translation>
    </message>
    <message>
        <source>none announced</source>
        <translation>keiner angekündigt</translation>
    </message>
    <message>
        <source>%1 (%2 min ago)</source>
        <translation>%1 (vor %2 Min.)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1/s in, %2/s out</source>
        <translation>%1/s ein, %2/s aus</translation>
    </message>
    <message>
        <source>0: well behaved</source>
        <translation>0: benimmt sich gut</translation>
    </message>
    <message>
        <source>%1 (peers are banned at %2 by default)</source>
        <translation>%1 (Peers werden standardmäßig bei %2 gesperrt)</translation>
    </message>
</context>
<context>
    <name>pb::ui::PeerTableModel</name>
    <message>
        <source>(handshaking)</source>
        <translation>(Handshake)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Node id</source>
        <translation>Knoten-ID</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <source>Ping</source>
        <translation>Ping</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Misbehaviour</source>
        <translation>Fehlverhalten</translation>
    </message>
    <message>
        <source>Connected since</source>
        <translation>Verbunden seit</translation>
    </message>
</context>
<context>
    <name>pb::ui::PeersPage</name>
    <message>
        <source>Filter peers by id, address, type…</source>
        <translation>Peers nach ID, Adresse, Typ… filtern</translation>
    </message>
    <message>
        <source>Peer filter</source>
        <translation>Peer-Filter</translation>
    </message>
    <message>
        <source>Connected peers</source>
        <translation>Verbundene Peers</translation>
    </message>
    <message>
        <source>Banned addresses</source>
        <translation>Gesperrte Adressen</translation>
    </message>
    <message>
        <source>&amp;Unban</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>Lift the selected ban</source>
        <translation>Die gewählte Sperre aufheben</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Datenverkehr</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Peers page message</source>
        <translation>Meldung der Peers-Seite</translation>
    </message>
    <message>
        <source>Select a peer first.</source>
        <translation>Wählen Sie zuerst einen Peer.</translation>
    </message>
    <message>
        <source>D&amp;isconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>&amp;Ban…</source>
        <translation>&amp;Sperren…</translation>
    </message>
    <message>
        <source>Copy node &amp;id</source>
        <translation>Knoten-&amp;ID kopieren</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>&amp;Copy node id</source>
        <translation>Knoten-ID &amp;kopieren</translation>
    </message>
    <message>
        <source>%1 is no longer connected.</source>
        <translation>%1 ist nicht mehr verbunden.</translation>
    </message>
    <message>
        <source>Disconnecting %1.</source>
        <translation>Trenne %1.</translation>
    </message>
    <message>
        <source>Cannot ban %1: %2</source>
        <translation>%1 kann nicht gesperrt werden: %2</translation>
    </message>
    <message>
        <source>Banned %1.</source>
        <translation>%1 gesperrt.</translation>
    </message>
    <message>
        <source>Copied the node id of %1.</source>
        <translation>Knoten-ID von %1 kopiert.</translation>
    </message>
    <message>
        <source>Select a ban to lift first.</source>
        <translation>Wählen Sie zuerst eine Sperre zum Aufheben.</translation>
    </message>
    <message>
        <source>%1 is no longer banned.</source>
        <translation>%1 ist nicht mehr gesperrt.</translation>
    </message>
    <message>
        <source>Lifted the ban of %1.</source>
        <translation>Sperre von %1 aufgehoben.</translation>
    </message>
    <message>
        <source>Disconnect the selected peers</source>
        <translation>Die gewählten Peers trennen</translation>
    </message>
    <message>
        <source>Ban the selected peers</source>
        <translation>Die gewählten Peers sperren</translation>
    </message>
    <message>
        <source>Copy the node id</source>
        <translation>Die Knoten-ID kopieren</translation>
    </message>
    <message>
        <source>Ban address or &amp;subnet…</source>
        <translation>Adresse oder Sub&amp;netz sperren…</translation>
    </message>
    <message>
        <source>Ban an address or subnet</source>
        <translation>Eine Adresse oder ein Subnetz sperren</translation>
    </message>
    <message>
        <source>Banned addresses, click the title to fold</source>
        <translation>Gesperrte Adressen, zum Einklappen auf den Titel klicken</translation>
    </message>
    <message>
        <source>Banned addresses (%1)</source>
        <translation>Gesperrte Adressen (%1)</translation>
    </message>
    <message>
        <source>Select one or more peers first.</source>
        <translation>Wählen Sie zuerst einen oder mehrere Peers.</translation>
    </message>
    <message>
        <source>Disconnecting %1 of %2 selected peer(s).</source>
        <translation>Trenne %1 von %2 gewählten Peer(s).</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Banned %1; cannot ban %2.</source>
        <translation>%1 gesperrt; nicht sperrbar: %2.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>&amp;Disconnect %1 peers</source>
        <translation>%1 Peers &amp;trennen</translation>
    </message>
    <message>
        <source>&amp;Ban %1 peers…</source>
        <translation>%1 Peers &amp;sperren…</translation>
    </message>
</context>
<context>
    <name>pb::ui::PhotoDropArea</name>
    <message>
        <source>Photo drop area</source>
        <translation>Ablagefläche für Fotos</translation>
    </message>
    <message>
        <source>Drop a JPEG or PNG photo here
or press Choose photo…</source>
        <translation>Legen Sie hier ein JPEG- oder PNG-Foto ab
oder drücken Sie Foto wählen…</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 has %2 bytes; a photo may have at most %3.</source>
        <translation>%1 hat %2 Bytes; ein Foto darf höchstens %3 haben.</translation>
    </message>
    <message>
        <source>%1 is neither a JPEG nor a PNG photo.</source>
        <translation>%1 ist weder ein JPEG- noch ein PNG-Foto.</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Ein Foto wählen</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Fotos (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>%1
(no preview: the image does not decode here)</source>
        <translation>%1
(keine Vorschau: das Bild lässt sich hier nicht dekodieren)</translation>
    </message>
</context>
<context>
    <name>pb::ui::RecoveryWordsDialog</name>
    <message>
        <source>Your recovery words</source>
        <translation>Ihre Wiederherstellungswörter</translation>
    </message>
    <message>
        <source>Write these %1 words on paper, in order, and keep them somewhere safe. With them anyone can re-create this wallet and spend its coins; without them and without a backup, a lost wallet file cannot be recovered. They are shown only now.</source>
        <translation>Schreiben Sie diese %1 Wörter in ihrer Reihenfolge auf Papier und bewahren Sie sie sicher auf. Mit ihnen kann jeder diese Wallet neu erstellen und ihre Coins ausgeben; ohne sie und ohne Sicherung lässt sich eine verlorene Wallet-Datei nicht wiederherstellen. Sie werden nur jetzt angezeigt.</translation>
    </message>
    <message>
        <source>Recovery words</source>
        <translation>Wiederherstellungswörter</translation>
    </message>
    <message>
        <source>I have written them down</source>
        <translation>Ich habe sie aufgeschrieben</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>pb::ui::RestoreWalletDialog</name>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Restore the wallet from a backup</source>
        <translation>Die Wallet aus einer Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Sicherungsdatei</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Choose the backup file</source>
        <translation>Die Sicherungsdatei wählen</translation>
    </message>
    <message>
        <source>Wallet backup</source>
        <translation>Wallet-Sicherung</translation>
    </message>
    <message>
        <source>Wallet files (*.json);;All files (*)</source>
        <translation>Wallet-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The backup&apos;s passphrase</source>
        <translation>Die Passphrase der Sicherung</translation>
    </message>
    <message>
        <source>Replace the current wallet (it is kept beside it as wallet.json.before-restore-…)</source>
        <translation>Die aktuelle Wallet ersetzen (sie wird daneben als wallet.json.before-restore-… aufbewahrt)</translation>
    </message>
    <message>
        <source>Backup file:</source>
        <translation>Sicherungsdatei:</translation>
    </message>
    <message>
        <source>Its passphrase:</source>
        <translation>Ihre Passphrase:</translation>
    </message>
    <message>
        <source>Choose the backup file.</source>
        <translation>Wählen Sie die Sicherungsdatei.</translation>
    </message>
    <message>
        <source>Type the passphrase the backup was made with.</source>
        <translation>Geben Sie die Passphrase ein, mit der die Sicherung angelegt wurde.</translation>
    </message>
    <message>
        <source>A wallet exists: tick &quot;Replace the current wallet&quot; to restore over it.</source>
        <translation>Es gibt bereits eine Wallet: Kreuzen Sie „Die aktuelle Wallet ersetzen“ an, um sie durch die Wiederherstellung zu ersetzen.</translation>
    </message>
</context>
<context>
    <name>pb::ui::RestoreWordsDialog</name>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Restore the wallet from its recovery words</source>
        <translation>Die Wallet aus ihren Wiederherstellungswörtern wiederherstellen</translation>
    </message>
    <message>
        <source>Recovery words</source>
        <translation>Wiederherstellungswörter</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Neue Passphrase</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Die neue Passphrase wiederholen</translation>
    </message>
    <message>
        <source>Number of addresses</source>
        <translation>Anzahl der Adressen</translation>
    </message>
    <message>
        <source>How many of the wallet&apos;s addresses to re-create, in the order they were made</source>
        <translation>Wie viele Adressen der Wallet neu erstellt werden, in der Reihenfolge ihrer Erstellung</translation>
    </message>
    <message>
        <source>Recovery words:</source>
        <translation>Wiederherstellungswörter:</translation>
    </message>
    <message>
        <source>Addresses:</source>
        <translation>Adressen:</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Neue Passphrase:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <source>A wallet exists already; restore the words on a node without one, or move wallet.json away first.</source>
        <translation>Es gibt bereits eine Wallet; stellen Sie die Wörter auf einem Knoten ohne Wallet wieder her oder verschieben Sie zuerst wallet.json.</translation>
    </message>
    <message>
        <source>These are not recovery words: %1.</source>
        <translation>Das sind keine Wiederherstellungswörter: %1.</translation>
    </message>
</context>
<context>
    <name>pb::ui::SendDialog</name>
    <message>
        <source>Send coins</source>
        <translation>Coins senden</translation>
    </message>
    <message>
        <source>Send from</source>
        <translation>Senden von</translation>
    </message>
    <message>
        <source>%1 %2 (%3 spendable)</source>
        <translation>%1 %2 (%3 verfügbar)</translation>
    </message>
    <message>
        <source>Recipient address</source>
        <translation>Empfängeradresse</translation>
    </message>
    <message>
        <source>Recipient check</source>
        <translation>Prüfung des Empfängers</translation>
    </message>
    <message>
        <source>Amount in coins</source>
        <translation>Betrag in Coins</translation>
    </message>
    <message>
        <source>Fee in coins</source>
        <translation>Gebühr in Coins</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Prüfen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Betrag:</translation>
    </message>
    <message>
        <source>Fee:</source>
        <translation>Gebühr:</translation>
    </message>
    <message>
        <source>This node accepts fees from %1 coins.</source>
        <translation>Dieser Knoten nimmt Gebühren ab %1 Coins an.</translation>
    </message>
    <message>
        <source>Transfer summary</source>
        <translation>Zusammenfassung der Überweisung</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>✓ a valid address</source>
        <translation>✓ eine gültige Adresse</translation>
    </message>
    <message>
        <source>✗ not a valid Photoblocks address (yet): check for typos</source>
        <translation>✗ (noch) keine gültige Photoblocks-Adresse: auf Tippfehler prüfen</translation>
    </message>
    <message>
        <source>The wallet has no address to send from.</source>
        <translation>Die Wallet hat keine Adresse, von der gesendet werden kann.</translation>
    </message>
    <message>
        <source>The recipient is not a valid Photoblocks address (pb1…, with its checksum): check for typos.</source>
        <translation>Der Empfänger ist keine gültige Photoblocks-Adresse (pb1…, mit Prüfsumme): auf Tippfehler prüfen.</translation>
    </message>
    <message>
        <source>The amount is not a number of coins (digits, a point, at most 8 decimals).</source>
        <translation>Der Betrag ist keine Anzahl Coins (Ziffern, ein Punkt, höchstens 8 Nachkommastellen).</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Der Betrag muss größer als null sein.</translation>
    </message>
    <message>
        <source>The fee is not a number of coins (digits, a point, at most 8 decimals).</source>
        <translation>Die Gebühr ist keine Anzahl Coins (Ziffern, ein Punkt, höchstens 8 Nachkommastellen).</translation>
    </message>
    <message>
        <source>The fee is below this node&apos;s minimum of %1 coins.</source>
        <translation>Die Gebühr liegt unter dem Minimum dieses Knotens von %1 Coins.</translation>
    </message>
    <message>
        <source>Amount plus fee (%1 coins) is more than this address can spend: %2 coins (balance minus pending transfers).</source>
        <translation>Betrag plus Gebühr (%1 Coins) ist mehr, als diese Adresse ausgeben kann: %2 Coins (Guthaben abzüglich ausstehender Überweisungen).</translation>
    </message>
    <message>
        <source>Send %1 coins to
%2

from %3
Fee: %4 coins
Total taken from the address: %5 coins
Left to spend afterwards: %6 coins

A sent transfer cannot be called back.</source>
        <translation>%1 Coins senden an
%2

von %3
Gebühr: %4 Coins
Von der Adresse abgebucht: %5 Coins
Danach verfügbar: %6 Coins

Eine gesendete Überweisung lässt sich nicht zurückholen.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>pb1… or a photoblocks: payment request</source>
        <translation>pb1… oder eine photoblocks:-Zahlungsanforderung</translation>
    </message>
    <message>
        <source>Pick a recipient from the address book</source>
        <translation>Einen Empfänger aus dem Adressbuch wählen</translation>
    </message>
    <message>
        <source>Save the recipient in the address book as</source>
        <translation>Den Empfänger im Adressbuch speichern als</translation>
    </message>
    <message>
        <source>a name (optional)</source>
        <translation>ein Name (optional)</translation>
    </message>
    <message>
        <source>Address book:</source>
        <translation>Adressbuch:</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Speichern als:</translation>
    </message>
    <message>
        <source>— pick a saved recipient —</source>
        <translation>— einen gespeicherten Empfänger wählen —</translation>
    </message>
    <message>
        <source>(address book unreadable: %1)</source>
        <translation>(Adressbuch nicht lesbar: %1)</translation>
    </message>
    <message>
        <source>Sent, but not saved to the address book: %1</source>
        <translation>Gesendet, aber nicht im Adressbuch gespeichert: %1</translation>
    </message>
    <message>
        <source>✗ not a usable payment request: %1</source>
        <translation>✗ keine verwendbare Zahlungsanforderung: %1</translation>
    </message>
    <message>
        <source>✓ %1, from the address book</source>
        <translation>✓ %1, aus dem Adressbuch</translation>
    </message>
</context>
<context>
    <name>pb::ui::SettingsPage</name>
    <message>
        <source>Node settings take effect the next time Photoblocks starts. Options given on the command line override them.</source>
        <translation>Knoteneinstellungen wirken beim nächsten Start von Photoblocks. Optionen auf der Kommandozeile haben Vorrang.</translation>
    </message>
    <message>
        <source>Restart note</source>
        <translation>Hinweis zum Neustart</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Datenverzeichnis</translation>
    </message>
    <message>
        <source>default: ~/.local/share/photoblocks/&lt;network&gt;</source>
        <translation>Standard: ~/.local/share/photoblocks/&lt;Netzwerk&gt;</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Dur&amp;chsuchen…</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>dev, test or the name of a custom network</source>
        <translation>dev, test oder der Name eines eigenen Netzwerks</translation>
    </message>
    <message>
        <source>Node mode</source>
        <translation>Knotenmodus</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>Seeds</translation>
    </message>
    <message>
        <source>host:port, separated by commas (default: the network&apos;s seed)</source>
        <translation>Host:Port, durch Kommas getrennt (Standard: der Seed des Netzwerks)</translation>
    </message>
    <message>
        <source>Peer port</source>
        <translation>Peer-Port</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>Redis URL</source>
        <translation>Redis-URL</translation>
    </message>
    <message>
        <source>embedded redis-server (or redis://host:port/db, unix:///path.sock)</source>
        <translation>eingebetteter redis-server (oder redis://host:port/db, unix:///pfad.sock)</translation>
    </message>
    <message>
        <source>Mining threads at launch</source>
        <translation>Mining-Threads beim Start</translation>
    </message>
    <message>
        <source>Start mining when Photoblocks starts</source>
        <translation>Mining beim Start von Photoblocks beginnen</translation>
    </message>
    <message>
        <source>Start mining on launch</source>
        <translation>Mining beim Start beginnen</translation>
    </message>
    <message>
        <source>Node (applied after a restart)</source>
        <translation>Knoten (gilt nach einem Neustart)</translation>
    </message>
    <message>
        <source>&amp;Data directory:</source>
        <translation>&amp;Datenverzeichnis:</translation>
    </message>
    <message>
        <source>&amp;Network:</source>
        <translation>&amp;Netzwerk:</translation>
    </message>
    <message>
        <source>M&amp;ode:</source>
        <translation>M&amp;odus:</translation>
    </message>
    <message>
        <source>S&amp;eeds:</source>
        <translation>S&amp;eeds:</translation>
    </message>
    <message>
        <source>&amp;Peer port:</source>
        <translation>&amp;Peer-Port:</translation>
    </message>
    <message>
        <source>REST API:</source>
        <translation>REST-API:</translation>
    </message>
    <message>
        <source>on the Mobile page</source>
        <translation>auf der Seite Mobil</translation>
    </message>
    <message>
        <source>Red&amp;is:</source>
        <translation>Red&amp;is:</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>T&amp;hreads:</translation>
    </message>
    <message>
        <source>Closing the window keeps the node running in the tray</source>
        <translation>Schließen des Fensters lässt den Knoten im Infobereich weiterlaufen</translation>
    </message>
    <message>
        <source>Minimize to tray</source>
        <translation>In den Infobereich minimieren</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>&amp;Language (applied after a restart):</source>
        <translation>&amp;Sprache (gilt nach einem Neustart):</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Speiche&amp;rn</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Einstellungen speichern</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Settings message</source>
        <translation>Meldung der Einstellungen</translation>
    </message>
    <message>
        <source>Not saved: %1.</source>
        <translation>Nicht gespeichert: %1.</translation>
    </message>
    <message>
        <source>Saved. Restart Photoblocks for the node settings and the language to take effect.</source>
        <translation>Gespeichert. Starten Sie Photoblocks neu, damit Knoteneinstellungen und Sprache wirken.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Where the node settings come from</source>
        <translation>Woher die Einstellungen des Knotens stammen</translation>
    </message>
    <message>
        <source>This run uses %1; the value here applies at the next start without it.</source>
        <translation>Dieser Lauf verwendet %1; der Wert hier gilt beim nächsten Start ohne diese Angabe.</translation>
    </message>
    <message>
        <source>This run uses %1, which wins over the values below. The values below are what is saved: they take effect at the next start where neither the command line nor a config file sets them.</source>
        <translation>Dieser Lauf verwendet %1, was Vorrang vor den Werten unten hat. Gespeichert werden die Werte unten: Sie wirken beim nächsten Start, bei dem weder die Befehlszeile noch eine Konfigurationsdatei sie setzt.</translation>
    </message>
</context>
<context>
    <name>pb::ui::TransferView</name>
    <message>
        <source>Transfer</source>
        <translation>Überweisung</translation>
    </message>
    <message>
        <source>Transfer title</source>
        <translation>Überweisungstitel</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Transfer id</source>
        <translation>Überweisungs-ID</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Transfer type</source>
        <translation>Überweisungstyp</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Absender</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Gebühr</translation>
    </message>
    <message>
        <source>Nonce</source>
        <translation>Nonce</translation>
    </message>
    <message>
        <source>Transfer nonce</source>
        <translation>Nonce der Überweisung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Transfer status</source>
        <translation>Status der Überweisung</translation>
    </message>
    <message>
        <source>Show its block</source>
        <translation>Ihren Block zeigen</translation>
    </message>
    <message>
        <source>Show the transfer&apos;s block</source>
        <translation>Den Block der Überweisung zeigen</translation>
    </message>
    <message>
        <source>Coinbase %1…</source>
        <translation>Coinbase %1…</translation>
    </message>
    <message>
        <source>Transfer %1…</source>
        <translation>Überweisung %1…</translation>
    </message>
    <message>
        <source>— (new coins)</source>
        <translation>— (neue Coins)</translation>
    </message>
    <message>
        <source>confirmed in block %1</source>
        <translation>bestätigt in Block %1</translation>
    </message>
    <message>
        <source>pending (in the mempool)</source>
        <translation>ausstehend (im Mempool)</translation>
    </message>
    <message>
        <source>Not in a block yet</source>
        <translation>Noch in keinem Block</translation>
    </message>
    <message>
        <source>Show block %1</source>
        <translation>Block %1 zeigen</translation>
    </message>
</context>
<context>
    <name>pb::ui::TrayIcon</name>
    <message>
        <source>Show Photoblocks</source>
        <translation>Photoblocks zeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Photoblocks: starting</source>
        <translation>Photoblocks: startet</translation>
    </message>
    <message>
        <source>Photoblocks %1: height %2, %3 peers%4</source>
        <translation>Photoblocks %1: Höhe %2, %3 Peers%4</translation>
    </message>
    <message>
        <source>, mining at %1</source>
        <translation>, Mining mit %1</translation>
    </message>
    <message>
        <source>Block found</source>
        <translation>Block gefunden</translation>
    </message>
    <message>
        <source>This node mined block %1 (%2…).</source>
        <translation>Dieser Knoten hat Block %1 gemint (%2…).</translation>
    </message>
    <message>
        <source>Peers…</source>
        <translation>Peers…</translation>
    </message>
    <message>
        <source>Start mining</source>
        <translation>Mining starten</translation>
    </message>
    <message>
        <source>Stop mining</source>
        <translation>Mining anhalten</translation>
    </message>
</context>
<context>
    <name>pb::ui::UnlockWalletDialog</name>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Unlock the wallet</source>
        <translation>Die Wallet entsperren</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Type the wallet&apos;s passphrase.</source>
        <translation>Geben Sie die Passphrase der Wallet ein.</translation>
    </message>
</context>
<context>
    <name>pb::ui::WalletAddressModel</name>
    <message>
        <source>The default address: the node mines to it</source>
        <translation>Die Standardadresse: Der Knoten mint auf sie</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (Standard)</translation>
    </message>
    <message>
        <source>unlabelled</source>
        <translation>ohne Bezeichnung</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Pending in / out</source>
        <translation>Ausstehend ein / aus</translation>
    </message>
</context>
<context>
    <name>pb::ui::WalletHistoryModel</name>
    <message>
        <source>mined</source>
        <translation>gemint</translation>
    </message>
    <message>
        <source>to self</source>
        <translation>an sich selbst</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>received</source>
        <translation>empfangen</translation>
    </message>
    <message>
        <source>%1 → %2
Double-click to copy the id</source>
        <translation>%1 → %2
Doppelklick kopiert die Id</translation>
    </message>
    <message>
        <source>block reward</source>
        <translation>Blockbelohnung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Gebühr</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <source>Transaction id</source>
        <translation>Transaktions-Id</translation>
    </message>
</context>
<context>
    <name>pb::ui::WalletOperationDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Working… (the passphrase is stretched on purpose; this takes a moment)</source>
        <translation>In Arbeit… (die Passphrase wird absichtlich aufwendig gestreckt; das dauert einen Moment)</translation>
    </message>
</context>
<context>
    <name>pb::ui::WalletPage</name>
    <message>
        <source>Wallet addresses</source>
        <translation>Wallet-Adressen</translation>
    </message>
    <message>
        <source>Transaction history of the selected address</source>
        <translation>Transaktionsverlauf der ausgewählten Adresse</translation>
    </message>
    <message>
        <source>Double-click a transaction to copy its id</source>
        <translation>Doppelklick auf eine Transaktion kopiert ihre Id</translation>
    </message>
    <message>
        <source>Copied transaction id %1</source>
        <translation>Transaktions-Id %1 kopiert</translation>
    </message>
    <message>
        <source>History of the selected address (pending first)</source>
        <translation>Verlauf der ausgewählten Adresse (ausstehende zuerst)</translation>
    </message>
    <message>
        <source>Wallet state</source>
        <translation>Wallet-Zustand</translation>
    </message>
    <message>
        <source>Wallet message</source>
        <translation>Wallet-Meldung</translation>
    </message>
    <message>
        <source>Default address note</source>
        <translation>Hinweis zur Standardadresse</translation>
    </message>
    <message>
        <source>Create wallet…</source>
        <translation>Wallet anlegen…</translation>
    </message>
    <message>
        <source>Create wallet</source>
        <translation>Wallet anlegen</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>Entsperren…</translation>
    </message>
    <message>
        <source>Unlock wallet</source>
        <translation>Wallet entsperren</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Lock wallet</source>
        <translation>Wallet sperren</translation>
    </message>
    <message>
        <source>New address…</source>
        <translation>Neue Adresse…</translation>
    </message>
    <message>
        <source>New address</source>
        <translation>Neue Adresse</translation>
    </message>
    <message>
        <source>Make default</source>
        <translation>Als Standard</translation>
    </message>
    <message>
        <source>Make the selected address the default</source>
        <translation>Die ausgewählte Adresse zur Standardadresse machen</translation>
    </message>
    <message>
        <source>The default address receives this node&apos;s mining rewards</source>
        <translation>Die Standardadresse erhält die Mining-Belohnungen dieses Knotens</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>Senden…</translation>
    </message>
    <message>
        <source>Send coins</source>
        <translation>Coins senden</translation>
    </message>
    <message>
        <source>Receive address</source>
        <translation>Empfangsadresse</translation>
    </message>
    <message>
        <source>QR code of the receive address</source>
        <translation>QR-Code der Empfangsadresse</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Adresse kopieren</translation>
    </message>
    <message>
        <source>Copy the receive address</source>
        <translation>Die Empfangsadresse kopieren</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
    <message>
        <source>No wallet yet. Create one to receive and send coins; the node then mines to its default address.</source>
        <translation>Noch keine Wallet. Legen Sie eine an, um Coins zu empfangen und zu senden; der Knoten mint dann auf ihre Standardadresse.</translation>
    </message>
    <message>
        <source>Unlocked: you can add addresses and send.</source>
        <translation>Entsperrt: Sie können Adressen hinzufügen und senden.</translation>
    </message>
    <message>
        <source>Locked: unlock to add addresses or send.</source>
        <translation>Gesperrt: Entsperren Sie, um Adressen hinzuzufügen oder zu senden.</translation>
    </message>
    <message>
        <source>Default address set.</source>
        <translation>Standardadresse gesetzt.</translation>
    </message>
    <message>
        <source>The node mines to %1 until it restarts; the default address applies at the next start.</source>
        <translation>Der Knoten mint bis zum Neustart auf %1; die Standardadresse gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Backup…</source>
        <translation>Sichern…</translation>
    </message>
    <message>
        <source>Back up the wallet to a file</source>
        <translation>Die Wallet in eine Datei sichern</translation>
    </message>
    <message>
        <source>Copies the encrypted wallet file; it opens with the wallet&apos;s passphrase</source>
        <translation>Kopiert die verschlüsselte Wallet-Datei; sie öffnet sich mit der Passphrase der Wallet</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <source>Restore the wallet from a backup file</source>
        <translation>Die Wallet aus einer Sicherungsdatei wiederherstellen</translation>
    </message>
    <message>
        <source>Restore from words…</source>
        <translation>Aus Wörtern wiederherstellen…</translation>
    </message>
    <message>
        <source>Restore the wallet from its recovery words</source>
        <translation>Die Wallet aus ihren Wiederherstellungswörtern wiederherstellen</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Passphrase ändern…</translation>
    </message>
    <message>
        <source>Change the wallet passphrase</source>
        <translation>Die Passphrase der Wallet ändern</translation>
    </message>
    <message>
        <source>Request payment…</source>
        <translation>Zahlung anfordern…</translation>
    </message>
    <message>
        <source>Request a payment to the selected address</source>
        <translation>Eine Zahlung an die gewählte Adresse anfordern</translation>
    </message>
    <message>
        <source>Export history CSV…</source>
        <translation>Verlauf als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export the wallet&apos;s history as CSV</source>
        <translation>Den Verlauf der Wallet als CSV exportieren</translation>
    </message>
    <message>
        <source>Address book…</source>
        <translation>Adressbuch…</translation>
    </message>
    <message>
        <source>Edit the address book</source>
        <translation>Das Adressbuch bearbeiten</translation>
    </message>
    <message>
        <source>Back up the wallet</source>
        <translation>Die Wallet sichern</translation>
    </message>
    <message>
        <source>Wallet files (*.json)</source>
        <translation>Wallet-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Export the wallet history</source>
        <translation>Den Wallet-Verlauf exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>History exported to %1</source>
        <translation>Verlauf nach %1 exportiert</translation>
    </message>
    <message>
        <source>History not exported: %1</source>
        <translation>Verlauf nicht exportiert: %1</translation>
    </message>
    <message>
        <source>Wallet backed up. Keep the backup and the passphrase in different places.</source>
        <translation>Wallet gesichert. Bewahren Sie Sicherung und Passphrase an verschiedenen Orten auf.</translation>
    </message>
    <message>
        <source>Passphrase changed. Make a new backup: old ones open with the old passphrase.</source>
        <translation>Passphrase geändert. Legen Sie eine neue Sicherung an: Alte Sicherungen öffnen sich mit der alten Passphrase.</translation>
    </message>
    <message>
        <source>Wallet restored. The node mines to its default address from its next start.</source>
        <translation>Wallet wiederhergestellt. Der Knoten mint ab seinem nächsten Start an seine Standardadresse.</translation>
    </message>
</context>
<context>
    <name>pb::ui::WalletSession</name>
    <message>
        <source>The wallet is busy with another operation; try again in a moment.</source>
        <translation>Die Wallet ist mit einem anderen Vorgang beschäftigt; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>There is no wallet yet.</source>
        <translation>Es gibt noch keine Wallet.</translation>
    </message>
    <message>
        <source>Unlock the wallet first.</source>
        <translation>Entsperren Sie zuerst die Wallet.</translation>
    </message>
    <message>
        <source>The node has not started yet; try again when it runs.</source>
        <translation>Der Knoten ist noch nicht gestartet; versuchen Sie es, wenn er läuft.</translation>
    </message>
    <message>
        <source>Cannot read the sender&apos;s account: %1</source>
        <translation>Das Konto des Absenders lässt sich nicht lesen: %1</translation>
    </message>
</context>
</TS>
