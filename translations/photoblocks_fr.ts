<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>QObject</name>
    <message>
        <source>mode must be head, seed, full or mobile</source>
        <translation>le mode doit être head, seed, full ou mobile</translation>
    </message>
    <message>
        <source>the network needs a name</source>
        <translation>le réseau a besoin d&apos;un nom</translation>
    </message>
    <message>
        <source>seed `%1` is not host:port</source>
        <translation>la graine `%1` n&apos;est pas de la forme hôte:port</translation>
    </message>
    <message>
        <source>the Redis URL must start with redis://, unix:// or /</source>
        <translation>l&apos;URL Redis doit commencer par redis://, unix:// ou /</translation>
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
        <translation>rien de ce qu&apos;il connaît</translation>
    </message>
    <message>
        <source>Wrong passphrase: the wallet stays locked. Check the keyboard layout and Caps Lock, then try again.</source>
        <translation>Phrase secrète incorrecte : le portefeuille reste verrouillé. Vérifiez la disposition du clavier et la touche Verr. Maj, puis réessayez.</translation>
    </message>
    <message>
        <source>The wallet file is damaged or was altered, so it cannot be unlocked with any passphrase (%1). Restore wallet.json from a backup.</source>
        <translation>Le fichier du portefeuille est endommagé ou a été modifié ; aucune phrase secrète ne peut le déverrouiller (%1). Restaurez wallet.json depuis une sauvegarde.</translation>
    </message>
    <message>
        <source>The wallet file is not private: %1</source>
        <translation>Le fichier du portefeuille n&apos;est pas privé : %1</translation>
    </message>
    <message>
        <source>The passphrase is too weak: %1</source>
        <translation>La phrase secrète est trop faible : %1</translation>
    </message>
    <message>
        <source>an earlier transfer from this address is missing (nonce gap); wait for the pending ones and try again</source>
        <translation>un transfert antérieur depuis cette adresse manque (trou de nonce) ; attendez les transferts en attente et réessayez</translation>
    </message>
    <message>
        <source>this address already spent that nonce (was another transfer sent meanwhile?)</source>
        <translation>cette adresse a déjà utilisé ce nonce (un autre transfert a-t-il été envoyé entre-temps ?)</translation>
    </message>
    <message>
        <source>the address does not hold enough coins for the amount plus the fee, counting its pending transfers</source>
        <translation>l&apos;adresse ne détient pas assez de pièces pour le montant plus les frais, en comptant ses transferts en attente</translation>
    </message>
    <message>
        <source>the fee is below this node&apos;s minimum</source>
        <translation>les frais sont inférieurs au minimum de ce nœud</translation>
    </message>
    <message>
        <source>the amount is below the smallest transfer the network accepts</source>
        <translation>le montant est inférieur au plus petit transfert accepté par le réseau</translation>
    </message>
    <message>
        <source>a pending transfer with the same nonce pays a fee at least as high</source>
        <translation>un transfert en attente avec le même nonce paie des frais au moins aussi élevés</translation>
    </message>
    <message>
        <source>the node&apos;s pool of pending transfers is full of transfers paying higher fees; raise the fee</source>
        <translation>la réserve de transferts en attente du nœud est pleine de transferts aux frais plus élevés ; augmentez les frais</translation>
    </message>
    <message>
        <source>this very transfer is already pending or confirmed</source>
        <translation>ce même transfert est déjà en attente ou confirmé</translation>
    </message>
    <message>
        <source>it was signed for another network</source>
        <translation>il a été signé pour un autre réseau</translation>
    </message>
    <message>
        <source>the node cannot check transfers right now (starting, or its storage is down)</source>
        <translation>le nœud ne peut pas vérifier de transferts pour l&apos;instant (démarrage, ou stockage indisponible)</translation>
    </message>
    <message>
        <source>The node refused the transfer: %1.</source>
        <translation>Le nœud a refusé le transfert : %1.</translation>
    </message>
    <message>
        <source>e.g. savings (optional)</source>
        <translation>p. ex. épargne (facultatif)</translation>
    </message>
    <message>
        <source>Address label</source>
        <translation>Libellé de l&apos;adresse</translation>
    </message>
    <message>
        <source>too short: at least %1 characters</source>
        <translation>trop courte : au moins %1 caractères</translation>
    </message>
    <message>
        <source>weak: longer, or mix letters, digits and symbols</source>
        <translation>faible : plus longue, ou mélangez lettres, chiffres et symboles</translation>
    </message>
    <message>
        <source>fair: a few more words would make it strong</source>
        <translation>correcte : quelques mots de plus la rendraient forte</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>forte</translation>
    </message>
    <message>
        <source>coins, e.g. 1.5</source>
        <translation>pièces, p. ex. 1,5</translation>
    </message>
    <message>
        <source>%1 coins arrived at %2 in block %3.</source>
        <translation>%1 pièces sont arrivées à %2 dans le bloc %3.</translation>
    </message>
    <message>
        <source>%1 coins are on their way to %2 (pending, not yet in a block).</source>
        <translation>%1 pièces sont en route vers %2 (en attente, pas encore dans un bloc).</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The new passphrase needs at least %1 characters.</source>
        <translation>La nouvelle phrase secrète doit compter au moins %1 caractères.</translation>
    </message>
    <message>
        <source>The two new passphrases differ.</source>
        <translation>Les deux nouvelles phrases secrètes diffèrent.</translation>
    </message>
    <message>
        <source>%1. Nothing was replaced.</source>
        <translation>%1. Rien n&apos;a été remplacé.</translation>
    </message>
</context>
<context>
    <name>pb::ui</name>
    <message>
        <source>not measured yet</source>
        <translation>pas encore mesuré</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1, about the median (%2)</source>
        <translation>%1, proche de la médiane (%2)</translation>
    </message>
    <message>
        <source>%1, %2× the median (%3): slow</source>
        <translation>%1, %2× la médiane (%3) : lent</translation>
    </message>
    <message>
        <source>%1, %2× the median (%3)</source>
        <translation>%1, %2× la médiane (%3)</translation>
    </message>
    <message>
        <source>%1, faster than the median (%2)</source>
        <translation>%1, plus rapide que la médiane (%2)</translation>
    </message>
    <message>
        <source>at our tip</source>
        <translation>au niveau de notre sommet</translation>
    </message>
    <message>
        <source>1 block behind us</source>
        <translation>1 bloc de retard sur nous</translation>
    </message>
    <message>
        <source>%1 blocks behind us</source>
        <translation>%1 blocs de retard sur nous</translation>
    </message>
    <message>
        <source>1 block ahead of us: we are syncing from it</source>
        <translation>1 bloc d&apos;avance sur nous : nous nous synchronisons sur lui</translation>
    </message>
    <message>
        <source>%1 blocks ahead of us: we are syncing from it</source>
        <translation>%1 blocs d&apos;avance sur nous : nous nous synchronisons sur lui</translation>
    </message>
</context>
<context>
    <name>pb::ui::AboutDialog</name>
    <message>
        <source>About Photoblocks</source>
        <translation>À propos de Photoblocks</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Photoblocks %1&lt;/h2&gt;&lt;p&gt;A proof-of-work blockchain whose blocks are photographs: desktop node and miner.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Photoblocks %1&lt;/h2&gt;&lt;p&gt;Une blockchain à preuve de travail dont les blocs sont des photos : nœud de bureau et mineur.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>Qt version</source>
        <translation>Version de Qt</translation>
    </message>
    <message>
        <source>OpenSSL</source>
        <translation>OpenSSL</translation>
    </message>
    <message>
        <source>OpenSSL version</source>
        <translation>Version d&apos;OpenSSL</translation>
    </message>
    <message>
        <source>OpenCV</source>
        <translation>OpenCV</translation>
    </message>
    <message>
        <source>OpenCV version</source>
        <translation>Version d&apos;OpenCV</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>Redis version</source>
        <translation>Version de Redis</translation>
    </message>
    <message>
        <source>asking redis-server…</source>
        <translation>interrogation de redis-server…</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>inconnue (%1)</translation>
    </message>
    <message>
        <source>redis-server not found: %1</source>
        <translation>redis-server introuvable : %1</translation>
    </message>
</context>
<context>
    <name>pb::ui::AddressBookDialog</name>
    <message>
        <source>Address book</source>
        <translation>Carnet d&apos;adresses</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Saved recipients</source>
        <translation>Destinataires enregistrés</translation>
    </message>
    <message>
        <source>Recipient name</source>
        <translation>Nom du destinataire</translation>
    </message>
    <message>
        <source>Recipient address</source>
        <translation>Adresse du destinataire</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save the recipient</source>
        <translation>Enregistrer le destinataire</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Retirer la sélection</translation>
    </message>
    <message>
        <source>Remove the selected recipient</source>
        <translation>Retirer le destinataire sélectionné</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <source>Select a recipient first.</source>
        <translation>Sélectionnez d&apos;abord un destinataire.</translation>
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
        <translation>Titre de l&apos;adresse</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Confirmed balance</source>
        <translation>Solde confirmé</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Pending change</source>
        <translation>Variation en attente</translation>
    </message>
    <message>
        <source>Nonce</source>
        <translation>Nonce</translation>
    </message>
    <message>
        <source>Address nonce</source>
        <translation>Nonce de l&apos;adresse</translation>
    </message>
    <message>
        <source>Address history</source>
        <translation>Historique de l&apos;adresse</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>From / to</source>
        <translation>De / à</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Bloc</translation>
    </message>
    <message>
        <source>Double-click a row or press Enter to go to its block.</source>
        <translation>Double-cliquez sur une ligne ou appuyez sur Entrée pour aller à son bloc.</translation>
    </message>
    <message>
        <source>Address %1</source>
        <translation>Adresse %1</translation>
    </message>
    <message>
        <source>nothing pending</source>
        <translation>rien en attente</translation>
    </message>
    <message>
        <source>+%1 incoming, −%2 in %3 outgoing transfers</source>
        <translation>+%1 entrant, −%2 dans %3 transferts sortants</translation>
    </message>
    <message>
        <source>%1 confirmed, next transfer uses %2</source>
        <translation>%1 confirmés, le prochain transfert utilise %2</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>received</source>
        <translation>reçu</translation>
    </message>
</context>
<context>
    <name>pb::ui::BanDialog</name>
    <message>
        <source>Ban %1</source>
        <translation>Bannir %1</translation>
    </message>
    <message>
        <source>Ban duration</source>
        <translation>Durée du bannissement</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 heure</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 jour</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 semaine</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 jours</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 an</translation>
    </message>
    <message>
        <source>banned by the operator</source>
        <translation>banni par l&apos;opérateur</translation>
    </message>
    <message>
        <source>Ban reason</source>
        <translation>Motif du bannissement</translation>
    </message>
    <message>
        <source>Ban</source>
        <translation>Bannir</translation>
    </message>
    <message>
        <source>Connections from %1 are closed and refused until the ban ends.</source>
        <translation>Les connexions depuis %1 sont fermées et refusées jusqu&apos;à la fin du bannissement.</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Durée :</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif :</translation>
    </message>
    <message>
        <source>Ban an address or subnet</source>
        <translation>Bannir une adresse ou un sous-réseau</translation>
    </message>
    <message>
        <source>Address or subnet to ban</source>
        <translation>Adresse ou sous-réseau à bannir</translation>
    </message>
    <message>
        <source>203.0.113.7, 203.0.113.0/24 or 2001:db8::/64</source>
        <translation>203.0.113.7, 203.0.113.0/24 ou 2001:db8::/64</translation>
    </message>
    <message>
        <source>Connections from the address or subnet are closed and refused until the ban ends.</source>
        <translation>Les connexions depuis l&apos;adresse ou le sous-réseau sont fermées et refusées jusqu&apos;à la fin du bannissement.</translation>
    </message>
    <message>
        <source>&amp;Address or subnet:</source>
        <translation>&amp;Adresse ou sous-réseau :</translation>
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
        <translation>Banni jusqu&apos;au</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Banned at</source>
        <translation>Banni le</translation>
    </message>
</context>
<context>
    <name>pb::ui::BlockDetailView</name>
    <message>
        <source>Select a block, or search by height or hash.</source>
        <translation>Sélectionnez un bloc, ou cherchez par hauteur ou par hash.</translation>
    </message>
    <message>
        <source>Block title</source>
        <translation>Titre du bloc</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>Block hash</source>
        <translation>Hash du bloc</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Previous block hash</source>
        <translation>Hash du bloc précédent</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Block time</source>
        <translation>Heure du bloc</translation>
    </message>
    <message>
        <source>Bits</source>
        <translation>Bits</translation>
    </message>
    <message>
        <source>Difficulty bits</source>
        <translation>Bits de difficulté</translation>
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
        <translation>Version de l&apos;en-tête</translation>
    </message>
    <message>
        <source>Content root</source>
        <translation>Racine du contenu</translation>
    </message>
    <message>
        <source>Chain work</source>
        <translation>Travail de la chaîne</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Block size</source>
        <translation>Taille du bloc</translation>
    </message>
    <message>
        <source>Label claim</source>
        <translation>Étiquette revendiquée</translation>
    </message>
    <message>
        <source>Votes on the claim</source>
        <translation>Votes sur la revendication</translation>
    </message>
    <message>
        <source>Its own vote</source>
        <translation>Son propre vote</translation>
    </message>
    <message>
        <source>The block&apos;s own vote</source>
        <translation>Le vote du bloc lui-même</translation>
    </message>
    <message>
        <source>Recognizer here sees</source>
        <translation>La reconnaissance ici voit</translation>
    </message>
    <message>
        <source>What this node&apos;s recognizer sees</source>
        <translation>Ce que voit la reconnaissance de ce nœud</translation>
    </message>
    <message>
        <source>Block photo</source>
        <translation>Photo du bloc</translation>
    </message>
    <message>
        <source>&amp;Full size</source>
        <translation>&amp;Taille réelle</translation>
    </message>
    <message>
        <source>Show the photo at full size</source>
        <translation>Afficher la photo en taille réelle</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>Bloc %1</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>%1 agree, %2 disagree, %3 abstain</source>
        <translation>%1 pour, %2 contre, %3 abstention</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>The photo is not stored here.</source>
        <translation>La photo n&apos;est pas stockée ici.</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Pas de photo</translation>
    </message>
    <message>
        <source>Block %1 (not yet confirmed by full peers)</source>
        <translation>Bloc %1 (pas encore confirmé par des pairs complets)</translation>
    </message>
    <message>
        <source>pruned here; fetching from a full peer…</source>
        <translation>élagué ici ; récupération auprès d&apos;un pair complet…</translation>
    </message>
    <message>
        <source>This mobile node pruned the block&apos;s body and photo; they are being fetched from a full peer.</source>
        <translation>Ce nœud mobile a élagué le corps et la photo du bloc ; ils sont en cours de récupération auprès d&apos;un pair complet.</translation>
    </message>
    <message>
        <source>%1 bytes (body pruned here; fetching it from a full peer…)</source>
        <translation>%1 octets (corps élagué ici ; récupération auprès d&apos;un pair complet…)</translation>
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
        <translation>indisponible : %1</translation>
    </message>
    <message>
        <source>agree / disagree / abstain</source>
        <translation>pour / contre / abstention</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Hauteur</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Tx</source>
        <translation>Tx</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
</context>
<context>
    <name>pb::ui::ChainPage</name>
    <message>
        <source>Blocks</source>
        <translation>Blocs</translation>
    </message>
    <message>
        <source>Search: block height or hash, transfer id or pb1… address, then Enter</source>
        <translation>Recherche : hauteur ou hash de bloc, identifiant de transfert ou adresse pb1…, puis Entrée</translation>
    </message>
    <message>
        <source>Chain search</source>
        <translation>Recherche dans la chaîne</translation>
    </message>
    <message>
        <source>Chain page message</source>
        <translation>Message de la page Chaîne</translation>
    </message>
    <message>
        <source>No block has this hash and no transfer this id (%1).</source>
        <translation>Aucun bloc n&apos;a ce hash et aucun transfert cet identifiant (%1).</translation>
    </message>
    <message>
        <source>No block at height %1; the chain is %2 blocks high.</source>
        <translation>Aucun bloc à la hauteur %1 ; la chaîne compte %2 blocs.</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>Recherche de %1…</translation>
    </message>
    <message>
        <source>Type a block height, a 64-digit block hash or transfer id, or a pb1… address.</source>
        <translation>Saisissez une hauteur de bloc, un hash de bloc ou un identifiant de transfert de 64 chiffres, ou une adresse pb1….</translation>
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
        <translation>Changer la phrase secrète</translation>
    </message>
    <message>
        <source>Change the wallet passphrase</source>
        <translation>Changer la phrase secrète du portefeuille</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Phrase secrète actuelle</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nouvelle phrase secrète</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Répéter la nouvelle phrase secrète</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Robustesse de la phrase secrète</translation>
    </message>
    <message>
        <source>Backups made before now keep opening with the current passphrase; make a new backup after the change.</source>
        <translation>Les sauvegardes faites jusqu&apos;ici s&apos;ouvriront toujours avec la phrase secrète actuelle ; faites une nouvelle sauvegarde après le changement.</translation>
    </message>
    <message>
        <source>Current:</source>
        <translation>Actuelle :</translation>
    </message>
    <message>
        <source>New:</source>
        <translation>Nouvelle :</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Robustesse :</translation>
    </message>
    <message>
        <source>Repeat new:</source>
        <translation>Répéter la nouvelle :</translation>
    </message>
    <message>
        <source>Type the current passphrase.</source>
        <translation>Saisissez la phrase secrète actuelle.</translation>
    </message>
</context>
<context>
    <name>pb::ui::CreateWalletDialog</name>
    <message>
        <source>Create wallet</source>
        <translation>Créer le portefeuille</translation>
    </message>
    <message>
        <source>Create a wallet</source>
        <translation>Créer un portefeuille</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>Répéter la phrase secrète</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Robustesse de la phrase secrète</translation>
    </message>
    <message>
        <source>The wallet keeps your keys in %1, encrypted with this passphrase. Without the passphrase the coins cannot be spent: write it down.</source>
        <translation>Le portefeuille garde vos clés dans %1, chiffrées avec cette phrase secrète. Sans elle, les pièces ne peuvent pas être dépensées : notez-la.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Phrase secrète :</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Robustesse :</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Répéter :</translation>
    </message>
    <message>
        <source>First address label:</source>
        <translation>Libellé de la première adresse :</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>La phrase secrète doit compter au moins %1 caractères.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes diffèrent.</translation>
    </message>
</context>
<context>
    <name>pb::ui::FirstRunDialog</name>
    <message>
        <source>Welcome to Photoblocks</source>
        <translation>Bienvenue dans Photoblocks</translation>
    </message>
    <message>
        <source>&lt;p&gt;This node has no wallet yet.&lt;/p&gt;&lt;p&gt;A wallet holds the keys of your addresses, encrypted with a passphrase. With one, the coins this node mines go to your own address, and you can receive and send coins on the Wallet page.&lt;/p&gt;&lt;p&gt;You can also skip this and create a wallet later on the Wallet page.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ce nœud n&apos;a pas encore de portefeuille.&lt;/p&gt;&lt;p&gt;Un portefeuille contient les clés de vos adresses, chiffrées avec une phrase secrète. Avec lui, les pièces minées par ce nœud vont à votre propre adresse, et vous pouvez recevoir et envoyer des pièces sur la page Portefeuille.&lt;/p&gt;&lt;p&gt;Vous pouvez aussi passer cette étape et créer un portefeuille plus tard sur la page Portefeuille.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explication</translation>
    </message>
    <message>
        <source>Create a wallet…</source>
        <translation>Créer un portefeuille…</translation>
    </message>
    <message>
        <source>Create a wallet</source>
        <translation>Créer un portefeuille</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <source>Skip creating a wallet</source>
        <translation>Ne pas créer de portefeuille</translation>
    </message>
</context>
<context>
    <name>pb::ui::GalleryView</name>
    <message>
        <source>Photo gallery</source>
        <translation>Galerie de photos</translation>
    </message>
    <message>
        <source>Search labels</source>
        <translation>Rechercher une étiquette</translation>
    </message>
    <message>
        <source>Gallery label search</source>
        <translation>Recherche d&apos;étiquette de la galerie</translation>
    </message>
    <message>
        <source>Reading the chain&apos;s photos…</source>
        <translation>Lecture des photos de la chaîne…</translation>
    </message>
    <message>
        <source>Gallery summary</source>
        <translation>Résumé de la galerie</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>(sans étiquette)</translation>
    </message>
    <message>
        <source>Block %1: %2</source>
        <translation>Bloc %1 : %2</translation>
    </message>
    <message>
        <source>Cannot read the chain&apos;s photos: %1</source>
        <translation>Impossible de lire les photos de la chaîne : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) in the newest %1 blocks</source>
        <translation>
            <numerusform>%n photo dans les %1 blocs les plus récents</numerusform>
            <numerusform>%n photos dans les %1 blocs les plus récents</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; %2 with a label containing &quot;%3&quot;.</source>
        <translation>%1 ; %2 avec une étiquette contenant « %3 ».</translation>
    </message>
</context>
<context>
    <name>pb::ui::HistoryChart</name>
    <message>
        <source>%1 chart range</source>
        <translation>Plage du graphique %1</translation>
    </message>
    <message>
        <source>10 min</source>
        <translation>10 min</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 j</translation>
    </message>
    <message>
        <source>How far back the chart goes; the node keeps this history across restarts</source>
        <translation>Jusqu’où remonte le graphique ; le nœud conserve cet historique entre les redémarrages</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Plage :</translation>
    </message>
</context>
<context>
    <name>pb::ui::LogModel</name>
    <message>
        <source>debug</source>
        <translation>débogage</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>pb::ui::LogPage</name>
    <message>
        <source>Minimum log level</source>
        <translation>Niveau de journal minimal</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Niveau :</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Chercher dans le journal</translation>
    </message>
    <message>
        <source>Log search</source>
        <translation>Recherche dans le journal</translation>
    </message>
    <message>
        <source>Engine log</source>
        <translation>Journal du moteur</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy the selected log lines</source>
        <translation>Copier les lignes de journal sélectionnées</translation>
    </message>
    <message>
        <source>The selected lines, or every shown line when none is selected</source>
        <translation>Les lignes sélectionnées, ou toutes les lignes affichées si aucune n&apos;est sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
        <source>Save the selected log lines</source>
        <translation>Enregistrer les lignes de journal sélectionnées</translation>
    </message>
    <message>
        <source>Save log lines</source>
        <translation>Enregistrer des lignes de journal</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Fichiers texte (*.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Log page message</source>
        <translation>Message de la page Journal</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n line(s).</source>
        <translation>
            <numerusform>%n ligne copiée.</numerusform>
            <numerusform>%n lignes copiées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>Impossible d&apos;enregistrer %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n line(s) to %1.</source>
        <translation>
            <numerusform>%n ligne enregistrée dans %1.</numerusform>
            <numerusform>%n lignes enregistrées dans %1.</numerusform>
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
        <translation>Pages</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d&apos;ensemble</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Pairs</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Chaîne</translation>
    </message>
    <message>
        <source>Mining</source>
        <translation>Minage</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Starting the node…</source>
        <translation>Démarrage du nœud…</translation>
    </message>
    <message>
        <source>Node running</source>
        <translation>Nœud en marche</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>%1 page</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Photoblocks</source>
        <translation>À &amp;propos de Photoblocks</translation>
    </message>
    <message>
        <source>Found block %1 (%2)</source>
        <translation>Bloc %1 trouvé (%2)</translation>
    </message>
    <message>
        <source>Node stopped: %1</source>
        <translation>Nœud arrêté : %1</translation>
    </message>
    <message>
        <source>Photoblocks cannot run the node</source>
        <translation>Photoblocks ne peut pas faire tourner le nœud</translation>
    </message>
    <message>
        <source>Photoblocks keeps running</source>
        <translation>Photoblocks continue de tourner</translation>
    </message>
    <message>
        <source>The node runs on in the tray; quit from its menu.</source>
        <translation>Le nœud continue dans la zone de notification ; quittez depuis son menu.</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Portefeuille</translation>
    </message>
    <message>
        <source>Coins received</source>
        <translation>Pièces reçues</translation>
    </message>
    <message>
        <source>Coins on their way</source>
        <translation>Pièces en route</translation>
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
        <translation>Transferts en attente</translation>
    </message>
    <message>
        <source>Reading the mempool…</source>
        <translation>Lecture de la mempool…</translation>
    </message>
    <message>
        <source>Mempool summary</source>
        <translation>Résumé de la mempool</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pending transfers&lt;/b&gt;</source>
        <translation>&lt;b&gt;Transferts en attente&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Cannot read the mempool: %1</source>
        <translation>Impossible de lire la mempool : %1</translation>
    </message>
    <message>
        <source>No transfers are waiting for a block.</source>
        <translation>Aucun transfert n&apos;attend de bloc.</translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s) waiting, %1 bytes; fee rates from %2 to %3 units/kB.</source>
        <translation>
            <numerusform>%n transfert en attente, %1 octets ; taux de frais de %2 à %3 unités/ko.</numerusform>
            <numerusform>%n transferts en attente, %1 octets ; taux de frais de %2 à %3 unités/ko.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pb::ui::MempoolTableModel</name>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
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
        <translation>%1 j %2 h</translation>
    </message>
    <message>
        <source>%1 units/kB</source>
        <translation>%1 unités/ko</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 o</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfert</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Fee rate</source>
        <translation>Taux de frais</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
</context>
<context>
    <name>pb::ui::MiningControls</name>
    <message>
        <source>Mining threads</source>
        <translation>Threads de minage</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads :</translation>
    </message>
    <message>
        <source>Start mining</source>
        <translation>Démarrer le minage</translation>
    </message>
    <message>
        <source>Start or stop mining</source>
        <translation>Démarrer ou arrêter le minage</translation>
    </message>
    <message>
        <source>Stop mining</source>
        <translation>Arrêter le minage</translation>
    </message>
    <message>
        <source>Why mining waits</source>
        <translation>Pourquoi le minage attend</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for the chain to sync before mining (%n block(s) behind)</source>
        <translation>
            <numerusform>En attente de la synchronisation de la chaîne avant de miner (%n bloc de retard)</numerusform>
            <numerusform>En attente de la synchronisation de la chaîne avant de miner (%n blocs de retard)</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the chain to sync before mining</source>
        <translation>En attente de la synchronisation de la chaîne avant de miner</translation>
    </message>
    <message>
        <source>Waiting: the newest blocks are ahead of this computer&apos;s clock</source>
        <translation>En attente : les blocs les plus récents sont en avance sur l&apos;horloge de cet ordinateur</translation>
    </message>
</context>
<context>
    <name>pb::ui::MiningJobModel</name>
    <message>
        <source>block %1…</source>
        <translation>bloc %1…</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Vote</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En file</translation>
    </message>
</context>
<context>
    <name>pb::ui::MiningPage</name>
    <message>
        <source>Mining statistics</source>
        <translation>Statistiques de minage</translation>
    </message>
    <message>
        <source>Hashrate</source>
        <translation>Taux de hachage</translation>
    </message>
    <message>
        <source>Mining jobs</source>
        <translation>Tâches de minage</translation>
    </message>
    <message>
        <source>&amp;Cancel job</source>
        <translation>&amp;Annuler la tâche</translation>
    </message>
    <message>
        <source>Cancel the selected job</source>
        <translation>Annuler la tâche sélectionnée</translation>
    </message>
    <message>
        <source>Job queue</source>
        <translation>File des tâches</translation>
    </message>
    <message>
        <source>C&amp;hoose photo…</source>
        <translation>C&amp;hoisir une photo…</translation>
    </message>
    <message>
        <source>Label the photo claims</source>
        <translation>Étiquette revendiquée par la photo</translation>
    </message>
    <message>
        <source>Vote on the previous claim&apos;s label</source>
        <translation>Vote sur l&apos;étiquette de la revendication précédente</translation>
    </message>
    <message>
        <source>abstain</source>
        <translation>abstention</translation>
    </message>
    <message>
        <source>agree</source>
        <translation>pour</translation>
    </message>
    <message>
        <source>disagree</source>
        <translation>contre</translation>
    </message>
    <message>
        <source>Your block&apos;s vote on the label of the latest photo block before it</source>
        <translation>Le vote de votre bloc sur l&apos;étiquette du dernier bloc photo qui le précède</translation>
    </message>
    <message>
        <source>&amp;Queue photo</source>
        <translation>&amp;Mettre la photo en file</translation>
    </message>
    <message>
        <source>Queue the photo for mining</source>
        <translation>Mettre la photo en file pour le minage</translation>
    </message>
    <message>
        <source>Mining page message</source>
        <translation>Message de la page Minage</translation>
    </message>
    <message>
        <source>What the recognizer sees</source>
        <translation>Ce que voit la reconnaissance</translation>
    </message>
    <message>
        <source>%1 ready to queue.</source>
        <translation>%1 prête à être mise en file.</translation>
    </message>
    <message>
        <source>Mine a photo</source>
        <translation>Miner une photo</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Étiquette :</translation>
    </message>
    <message>
        <source>&amp;Vote:</source>
        <translation>&amp;Vote :</translation>
    </message>
    <message>
        <source>Hashrate %1 (10 s) · %2 (60 s) · %3 (15 min) · backend %4 · blocks found %5 · rewards %6 coins</source>
        <translation>Taux de hachage %1 (10 s) · %2 (60 s) · %3 (15 min) · moteur %4 · blocs trouvés %5 · récompenses %6 pièces</translation>
    </message>
    <message>
        <source>The recognizer must see this in the photo</source>
        <translation>La reconnaissance doit voir ceci sur la photo</translation>
    </message>
    <message>
        <source>The node did not queue the photo: %1.</source>
        <translation>Le nœud n&apos;a pas mis la photo en file : %1.</translation>
    </message>
    <message>
        <source>Queued %1 as job %2; the recognizer checks it next.</source>
        <translation>%1 mise en file comme tâche %2 ; la reconnaissance la vérifie ensuite.</translation>
    </message>
    <message>
        <source>Select a job to cancel first.</source>
        <translation>Sélectionnez d&apos;abord une tâche à annuler.</translation>
    </message>
    <message>
        <source>Cannot cancel job %1: %2.</source>
        <translation>Impossible d&apos;annuler la tâche %1 : %2.</translation>
    </message>
    <message>
        <source>Cancelling job %1.</source>
        <translation>Annulation de la tâche %1.</translation>
    </message>
    <message>
        <source>The recognizer is looking at the photo…</source>
        <translation>La reconnaissance examine la photo…</translation>
    </message>
    <message>
        <source>No preview: %1.</source>
        <translation>Pas d&apos;aperçu : %1.</translation>
    </message>
    <message>
        <source>The recognizer sees %1: no label it would confirm, so a job would be rejected.</source>
        <translation>La reconnaissance voit %1 : aucune étiquette qu&apos;elle confirmerait, une tâche serait donc rejetée.</translation>
    </message>
    <message>
        <source>The recognizer sees %1 and would confirm: %2.</source>
        <translation>La reconnaissance voit %1 et confirmerait : %2.</translation>
    </message>
    <message>
        <source>This node</source>
        <translation>Ce nœud</translation>
    </message>
</context>
<context>
    <name>pb::ui::MobilePage</name>
    <message>
        <source>Paired devices</source>
        <translation>Appareils appairés</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Device id</source>
        <translation>Identifiant de l&apos;appareil</translation>
    </message>
    <message>
        <source>Paired at</source>
        <translation>Appairé le</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Révoquer</translation>
    </message>
    <message>
        <source>Revoke the selected device</source>
        <translation>Révoquer l&apos;appareil sélectionné</translation>
    </message>
    <message>
        <source>Mobile page message</source>
        <translation>Message de la page Mobile</translation>
    </message>
    <message>
        <source>Mobile mining jobs</source>
        <translation>Tâches de minage mobiles</translation>
    </message>
    <message>
        <source>Mobile job queue</source>
        <translation>File des tâches mobiles</translation>
    </message>
    <message>
        <source>REST API state</source>
        <translation>État de l&apos;API REST</translation>
    </message>
    <message>
        <source>&amp;Serve the REST API (phones need it)</source>
        <translation>&amp;Servir l&apos;API REST (les téléphones en ont besoin)</translation>
    </message>
    <message>
        <source>Serve the REST API</source>
        <translation>Servir l&apos;API REST</translation>
    </message>
    <message>
        <source>REST API port</source>
        <translation>Port de l&apos;API REST</translation>
    </message>
    <message>
        <source>Listen on &amp;all interfaces, so phones on the LAN reach it</source>
        <translation>Écouter sur &amp;toutes les interfaces, pour que les téléphones du réseau local l&apos;atteignent</translation>
    </message>
    <message>
        <source>Listen on all interfaces</source>
        <translation>Écouter sur toutes les interfaces</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save the REST API settings</source>
        <translation>Enregistrer les réglages de l&apos;API REST</translation>
    </message>
    <message>
        <source>REST API settings message</source>
        <translation>Message des réglages de l&apos;API REST</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port :</translation>
    </message>
    <message>
        <source>REST API (applied after a restart)</source>
        <translation>API REST (appliquée après un redémarrage)</translation>
    </message>
    <message>
        <source>&amp;Pair a phone</source>
        <translation>&amp;Appairer un téléphone</translation>
    </message>
    <message>
        <source>Pair a phone</source>
        <translation>Appairer un téléphone</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Code d&apos;appairage</translation>
    </message>
    <message>
        <source>Open on the phone</source>
        <translation>Ouvrir sur le téléphone</translation>
    </message>
    <message>
        <source>Pairing address</source>
        <translation>Adresse d&apos;appairage</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valable jusqu&apos;à</translation>
    </message>
    <message>
        <source>Pairing code expiry</source>
        <translation>Expiration du code d&apos;appairage</translation>
    </message>
    <message>
        <source>Pair a phone to show its QR code here.</source>
        <translation>Appairez un téléphone pour afficher son code QR ici.</translation>
    </message>
    <message>
        <source>Pairing QR code</source>
        <translation>Code QR d&apos;appairage</translation>
    </message>
    <message>
        <source>The REST API is off, so phones cannot pair or send jobs. Tick &quot;Serve the REST API&quot;, save, and restart Photoblocks (or start it with --rest-port %1).</source>
        <translation>L&apos;API REST est désactivée : les téléphones ne peuvent ni s&apos;appairer ni envoyer de tâches. Cochez « Servir l&apos;API REST », enregistrez et redémarrez Photoblocks (ou lancez-le avec --rest-port %1).</translation>
    </message>
    <message>
        <source>every interface, for phones on the LAN</source>
        <translation>toutes les interfaces, pour les téléphones du réseau local</translation>
    </message>
    <message>
        <source>this machine only</source>
        <translation>cette machine uniquement</translation>
    </message>
    <message>
        <source>The REST API is on: port %1, %2. Phones open %3</source>
        <translation>L&apos;API REST est active : port %1, %2. Les téléphones ouvrent %3</translation>
    </message>
    <message>
        <source>The REST API is on: port %1, %2. Pairing is off: this node keeps no devices file.</source>
        <translation>L&apos;API REST est active : port %1, %2. L&apos;appairage est désactivé : ce nœud ne garde pas de fichier d&apos;appareils.</translation>
    </message>
    <message>
        <source>Saved. Restart Photoblocks for the REST API settings to take effect.</source>
        <translation>Enregistré. Redémarrez Photoblocks pour que les réglages de l&apos;API REST prennent effet.</translation>
    </message>
    <message>
        <source>%1 (one use)</source>
        <translation>%1 (usage unique)</translation>
    </message>
    <message>
        <source>The address is too long for a QR code; type it on the phone.</source>
        <translation>L&apos;adresse est trop longue pour un code QR ; saisissez-la sur le téléphone.</translation>
    </message>
    <message>
        <source>Scan the QR code with the phone, or open the address and type the code.</source>
        <translation>Scannez le code QR avec le téléphone, ou ouvrez l&apos;adresse et saisissez le code.</translation>
    </message>
    <message>
        <source>Select a device to revoke.</source>
        <translation>Sélectionnez un appareil à révoquer.</translation>
    </message>
    <message>
        <source>Revoked %1: its token no longer works.</source>
        <translation>%1 révoqué : son jeton ne fonctionne plus.</translation>
    </message>
    <message>
        <source>Could not revoke %1: %2.</source>
        <translation>Impossible de révoquer %1 : %2.</translation>
    </message>
    <message>
        <source>Where the REST API settings come from</source>
        <translation>D&apos;où viennent les réglages de l&apos;API REST</translation>
    </message>
    <message>
        <source>This run uses %1, which wins over the form below. The form is what is saved: it takes effect at the next start without those options.</source>
        <translation>Cette exécution utilise %1, qui l&apos;emporte sur le formulaire ci-dessous. C&apos;est le formulaire qui est enregistré : il prend effet au prochain démarrage sans ces options.</translation>
    </message>
</context>
<context>
    <name>pb::ui::NewAddressDialog</name>
    <message>
        <source>Add address</source>
        <translation>Ajouter l&apos;adresse</translation>
    </message>
    <message>
        <source>New address</source>
        <translation>Nouvelle adresse</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Libellé :</translation>
    </message>
    <message>
        <source>Unlock the wallet first.</source>
        <translation>Déverrouillez d&apos;abord le portefeuille.</translation>
    </message>
</context>
<context>
    <name>pb::ui::OverviewPage</name>
    <message>
        <source>Node and chain</source>
        <translation>Nœud et chaîne</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Network name</source>
        <translation>Nom du réseau</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Node mode</source>
        <translation>Mode du nœud</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Hauteur</translation>
    </message>
    <message>
        <source>Chain height</source>
        <translation>Hauteur de la chaîne</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Sommet</translation>
    </message>
    <message>
        <source>Tip block hash</source>
        <translation>Hash du bloc au sommet</translation>
    </message>
    <message>
        <source>Last block</source>
        <translation>Dernier bloc</translation>
    </message>
    <message>
        <source>Age of the last block</source>
        <translation>Âge du dernier bloc</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Pairs</translation>
    </message>
    <message>
        <source>Connected peers</source>
        <translation>Pairs connectés</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Progression de la synchronisation</translation>
    </message>
    <message>
        <source>waiting for peers</source>
        <translation>en attente de pairs</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>État de la synchronisation</translation>
    </message>
    <message>
        <source>Sync:</source>
        <translation>Synchro :</translation>
    </message>
    <message>
        <source>Mining</source>
        <translation>Minage</translation>
    </message>
    <message>
        <source>Hashrate</source>
        <translation>Taux de hachage</translation>
    </message>
    <message>
        <source>Hashrate over 10 s, 60 s and 15 min</source>
        <translation>Taux de hachage sur 10 s, 60 s et 15 min</translation>
    </message>
    <message>
        <source>Blocks found</source>
        <translation>Blocs trouvés</translation>
    </message>
    <message>
        <source>Blocks found by this node</source>
        <translation>Blocs trouvés par ce nœud</translation>
    </message>
    <message>
        <source>Reward address</source>
        <translation>Adresse de récompense</translation>
    </message>
    <message>
        <source>Address receiving rewards</source>
        <translation>Adresse qui reçoit les récompenses</translation>
    </message>
    <message>
        <source>Last blocks found</source>
        <translation>Derniers blocs trouvés</translation>
    </message>
    <message>
        <source>Last found:</source>
        <translation>Derniers trouvés :</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>démarrage…</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>il y a %1 s</translation>
    </message>
    <message>
        <source>%1 (%2 coins)</source>
        <translation>%1 (%2 pièces)</translation>
    </message>
    <message>
        <source>head of the network</source>
        <translation>tête du réseau</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>à jour</translation>
    </message>
    <message>
        <source>%1 blocks left, about %2</source>
        <translation>%1 blocs restants, environ %2</translation>
    </message>
    <message>
        <source>%1 blocks left</source>
        <translation>%1 blocs restants</translation>
    </message>
    <message>
        <source>%1  block %2  %3…</source>
        <translation>%1  bloc %2  %3…</translation>
    </message>
    <message>
        <source>Wallet balance</source>
        <translation>Solde du portefeuille</translation>
    </message>
    <message>
        <source>Wallet balance, confirmed and pending</source>
        <translation>Solde du portefeuille, confirmé et en attente</translation>
    </message>
    <message>
        <source>%1 coins confirmed</source>
        <translation>%1 pièces confirmées</translation>
    </message>
    <message>
        <source>, pending +%1 / −%2</source>
        <translation>, en attente +%1 / −%2</translation>
    </message>
</context>
<context>
    <name>pb::ui::PaymentRequestDialog</name>
    <message>
        <source>Request a payment</source>
        <translation>Demander un paiement</translation>
    </message>
    <message>
        <source>Requested amount in coins</source>
        <translation>Montant demandé en pièces</translation>
    </message>
    <message>
        <source>coins, e.g. 1.5 (optional)</source>
        <translation>pièces, p. ex. 1,5 (facultatif)</translation>
    </message>
    <message>
        <source>Your name for the payer</source>
        <translation>Votre nom pour le payeur</translation>
    </message>
    <message>
        <source>e.g. Corner shop (optional)</source>
        <translation>p. ex. Épicerie du coin (facultatif)</translation>
    </message>
    <message>
        <source>What the payment is for</source>
        <translation>Objet du paiement</translation>
    </message>
    <message>
        <source>e.g. Order 42 (optional)</source>
        <translation>p. ex. Commande 42 (facultatif)</translation>
    </message>
    <message>
        <source>Payment request link</source>
        <translation>Lien de la demande de paiement</translation>
    </message>
    <message>
        <source>QR code of the payment request</source>
        <translation>Code QR de la demande de paiement</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <source>Copy the payment request link</source>
        <translation>Copier le lien de la demande de paiement</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>À :</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Montant :</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Libellé :</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Message :</translation>
    </message>
    <message>
        <source>The amount is not a positive number of coins (at most 8 decimals).</source>
        <translation>Le montant n&apos;est pas un nombre positif de pièces (8 décimales au plus).</translation>
    </message>
    <message>
        <source>This request cannot be made: %1</source>
        <translation>Cette demande ne peut pas être faite : %1</translation>
    </message>
</context>
<context>
    <name>pb::ui::PeerDetailView</name>
    <message>
        <source>No peer selected</source>
        <translation>Aucun pair sélectionné</translation>
    </message>
    <message>
        <source>Peer detail title</source>
        <translation>Titre du détail du pair</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Node id</source>
        <translation>Identifiant du nœud</translation>
    </message>
    <message>
        <source>Peer node id</source>
        <translation>Identifiant de nœud du pair</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Peer type</source>
        <translation>Type du pair</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>Peer protocol version</source>
        <translation>Version de protocole du pair</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>Logiciel</translation>
    </message>
    <message>
        <source>Peer software</source>
        <translation>Logiciel du pair</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Peer address</source>
        <translation>Adresse du pair</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Peer direction</source>
        <translation>Sens de connexion du pair</translation>
    </message>
    <message>
        <source>Accepts peers on</source>
        <translation>Accepte des pairs sur le port</translation>
    </message>
    <message>
        <source>Peer listen port</source>
        <translation>Port d&apos;écoute du pair</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté depuis</translation>
    </message>
    <message>
        <source>Peer connected since</source>
        <translation>Pair connecté depuis</translation>
    </message>
    <message>
        <source>Ping</source>
        <translation>Ping</translation>
    </message>
    <message>
        <source>Peer ping</source>
        <translation>Ping du pair</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Hauteur</translation>
    </message>
    <message>
        <source>Peer height</source>
        <translation>Hauteur du pair</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Trafic</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Bytes received from the peer</source>
        <translation>Octets reçus du pair</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Bytes sent to the peer</source>
        <translation>Octets envoyés au pair</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Peer average traffic</source>
        <translation>Trafic moyen du pair</translation>
    </message>
    <message>
        <source>Misbehaviour</source>
        <translation>Mauvaise conduite</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Peer misbehaviour score</source>
        <translation>Score de mauvaise conduite du pair</translation>
    </message>
    <message>
        <source>%1 peers selected</source>
        <translation>%1 pairs sélectionnés</translation>
    </message>
    <message>
        <source>Peer %1</source>
        <translation>Pair %1</translation>
    </message>
    <message>
        <source>not known until the handshake completes</source>
        <translation>inconnu jusqu&apos;à la fin de la poignée de main</translation>
    </message>
    <message>
        <source>inbound: it connected to us</source>
        <translation>entrant : il s&apos;est connecté à nous</translation>
    </message>
    <message>
        <source>outbound: we connected to it</source>
        <translation>sortant : nous nous sommes connectés à lui</translation>
    </message>
    <message>
        <source>none announced</source>
        <translation>aucun annoncé</translation>
    </message>
    <message>
        <source>%1 (%2 min ago)</source>
        <translation>%1 (il y a %2 min)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1/s in, %2/s out</source>
        <translation>%1/s entrant, %2/s sortant</translation>
    </message>
    <message>
        <source>0: well behaved</source>
        <translation>0 : bonne conduite</translation>
    </message>
    <message>
        <source>%1 (peers are banned at %2 by default)</source>
        <translation>%1 (les pairs sont bannis à %2 par défaut)</translation>
    </message>
</context>
<context>
    <name>pb::ui::PeerTableModel</name>
    <message>
        <source>(handshaking)</source>
        <translation>(poignée de main)</translation>
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
        <translation>Identifiant du nœud</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Hauteur</translation>
    </message>
    <message>
        <source>Ping</source>
        <translation>Ping</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Misbehaviour</source>
        <translation>Mauvaise conduite</translation>
    </message>
    <message>
        <source>Connected since</source>
        <translation>Connecté depuis</translation>
    </message>
</context>
<context>
    <name>pb::ui::PeersPage</name>
    <message>
        <source>Filter peers by id, address, type…</source>
        <translation>Filtrer les pairs par identifiant, adresse, type…</translation>
    </message>
    <message>
        <source>Peer filter</source>
        <translation>Filtre des pairs</translation>
    </message>
    <message>
        <source>Connected peers</source>
        <translation>Pairs connectés</translation>
    </message>
    <message>
        <source>Banned addresses</source>
        <translation>Adresses bannies</translation>
    </message>
    <message>
        <source>&amp;Unban</source>
        <translation>&amp;Lever le bannissement</translation>
    </message>
    <message>
        <source>Lift the selected ban</source>
        <translation>Lever le bannissement sélectionné</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Trafic</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Peers page message</source>
        <translation>Message de la page Pairs</translation>
    </message>
    <message>
        <source>Select a peer first.</source>
        <translation>Sélectionnez d&apos;abord un pair.</translation>
    </message>
    <message>
        <source>D&amp;isconnect</source>
        <translation>Décon&amp;necter</translation>
    </message>
    <message>
        <source>&amp;Ban…</source>
        <translation>&amp;Bannir…</translation>
    </message>
    <message>
        <source>Copy node &amp;id</source>
        <translation>Copier l&apos;&amp;identifiant du nœud</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Déconnecter</translation>
    </message>
    <message>
        <source>&amp;Copy node id</source>
        <translation>&amp;Copier l&apos;identifiant du nœud</translation>
    </message>
    <message>
        <source>%1 is no longer connected.</source>
        <translation>%1 n&apos;est plus connecté.</translation>
    </message>
    <message>
        <source>Disconnecting %1.</source>
        <translation>Déconnexion de %1.</translation>
    </message>
    <message>
        <source>Cannot ban %1: %2</source>
        <translation>Impossible de bannir %1 : %2</translation>
    </message>
    <message>
        <source>Banned %1.</source>
        <translation>%1 banni.</translation>
    </message>
    <message>
        <source>Copied the node id of %1.</source>
        <translation>Identifiant du nœud de %1 copié.</translation>
    </message>
    <message>
        <source>Select a ban to lift first.</source>
        <translation>Sélectionnez d&apos;abord un bannissement à lever.</translation>
    </message>
    <message>
        <source>%1 is no longer banned.</source>
        <translation>%1 n&apos;est plus banni.</translation>
    </message>
    <message>
        <source>Lifted the ban of %1.</source>
        <translation>Bannissement de %1 levé.</translation>
    </message>
    <message>
        <source>Disconnect the selected peers</source>
        <translation>Déconnecter les pairs sélectionnés</translation>
    </message>
    <message>
        <source>Ban the selected peers</source>
        <translation>Bannir les pairs sélectionnés</translation>
    </message>
    <message>
        <source>Copy the node id</source>
        <translation>Copier l&apos;identifiant du nœud</translation>
    </message>
    <message>
        <source>Ban address or &amp;subnet…</source>
        <translation>Bannir une adresse ou un &amp;sous-réseau…</translation>
    </message>
    <message>
        <source>Ban an address or subnet</source>
        <translation>Bannir une adresse ou un sous-réseau</translation>
    </message>
    <message>
        <source>Banned addresses, click the title to fold</source>
        <translation>Adresses bannies, cliquez sur le titre pour replier</translation>
    </message>
    <message>
        <source>Banned addresses (%1)</source>
        <translation>Adresses bannies (%1)</translation>
    </message>
    <message>
        <source>Select one or more peers first.</source>
        <translation>Sélectionnez d&apos;abord un ou plusieurs pairs.</translation>
    </message>
    <message>
        <source>Disconnecting %1 of %2 selected peer(s).</source>
        <translation>Déconnexion de %1 pair(s) sur %2 sélectionné(s).</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Banned %1; cannot ban %2.</source>
        <translation>%1 banni(s) ; impossible de bannir %2.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>&amp;Disconnect %1 peers</source>
        <translation>&amp;Déconnecter %1 pairs</translation>
    </message>
    <message>
        <source>&amp;Ban %1 peers…</source>
        <translation>&amp;Bannir %1 pairs…</translation>
    </message>
</context>
<context>
    <name>pb::ui::PhotoDropArea</name>
    <message>
        <source>Photo drop area</source>
        <translation>Zone de dépôt de photo</translation>
    </message>
    <message>
        <source>Drop a JPEG or PNG photo here
or press Choose photo…</source>
        <translation>Déposez ici une photo JPEG ou PNG
ou appuyez sur Choisir une photo…</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 has %2 bytes; a photo may have at most %3.</source>
        <translation>%1 fait %2 octets ; une photo peut en faire au plus %3.</translation>
    </message>
    <message>
        <source>%1 is neither a JPEG nor a PNG photo.</source>
        <translation>%1 n&apos;est ni une photo JPEG ni une photo PNG.</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Choisir une photo</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Photos (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>%1
(no preview: the image does not decode here)</source>
        <translation>%1
(pas d&apos;aperçu : l&apos;image ne se décode pas ici)</translation>
    </message>
</context>
<context>
    <name>pb::ui::RecoveryWordsDialog</name>
    <message>
        <source>Your recovery words</source>
        <translation>Vos mots de récupération</translation>
    </message>
    <message>
        <source>Write these %1 words on paper, in order, and keep them somewhere safe. With them anyone can re-create this wallet and spend its coins; without them and without a backup, a lost wallet file cannot be recovered. They are shown only now.</source>
        <translation>Écrivez ces %1 mots sur papier, dans l&apos;ordre, et gardez-les en lieu sûr. Avec eux, n&apos;importe qui peut recréer ce portefeuille et dépenser ses pièces ; sans eux et sans sauvegarde, un fichier de portefeuille perdu ne peut pas être récupéré. Ils ne sont affichés que maintenant.</translation>
    </message>
    <message>
        <source>Recovery words</source>
        <translation>Mots de récupération</translation>
    </message>
    <message>
        <source>I have written them down</source>
        <translation>Je les ai notés</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>pb::ui::RestoreWalletDialog</name>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Restore the wallet from a backup</source>
        <translation>Restaurer le portefeuille depuis une sauvegarde</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Fichier de sauvegarde</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Choose the backup file</source>
        <translation>Choisir le fichier de sauvegarde</translation>
    </message>
    <message>
        <source>Wallet backup</source>
        <translation>Sauvegarde du portefeuille</translation>
    </message>
    <message>
        <source>Wallet files (*.json);;All files (*)</source>
        <translation>Fichiers de portefeuille (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The backup&apos;s passphrase</source>
        <translation>La phrase secrète de la sauvegarde</translation>
    </message>
    <message>
        <source>Replace the current wallet (it is kept beside it as wallet.json.before-restore-…)</source>
        <translation>Remplacer le portefeuille actuel (il est conservé à côté sous le nom wallet.json.before-restore-…)</translation>
    </message>
    <message>
        <source>Backup file:</source>
        <translation>Fichier de sauvegarde :</translation>
    </message>
    <message>
        <source>Its passphrase:</source>
        <translation>Sa phrase secrète :</translation>
    </message>
    <message>
        <source>Choose the backup file.</source>
        <translation>Choisissez le fichier de sauvegarde.</translation>
    </message>
    <message>
        <source>Type the passphrase the backup was made with.</source>
        <translation>Saisissez la phrase secrète avec laquelle la sauvegarde a été faite.</translation>
    </message>
    <message>
        <source>A wallet exists: tick &quot;Replace the current wallet&quot; to restore over it.</source>
        <translation>Un portefeuille existe : cochez « Remplacer le portefeuille actuel » pour restaurer par-dessus.</translation>
    </message>
</context>
<context>
    <name>pb::ui::RestoreWordsDialog</name>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Restore the wallet from its recovery words</source>
        <translation>Restaurer le portefeuille à partir de ses mots de récupération</translation>
    </message>
    <message>
        <source>Recovery words</source>
        <translation>Mots de récupération</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nouvelle phrase secrète</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Répéter la nouvelle phrase secrète</translation>
    </message>
    <message>
        <source>Number of addresses</source>
        <translation>Nombre d&apos;adresses</translation>
    </message>
    <message>
        <source>How many of the wallet&apos;s addresses to re-create, in the order they were made</source>
        <translation>Combien d&apos;adresses du portefeuille recréer, dans l&apos;ordre où elles ont été créées</translation>
    </message>
    <message>
        <source>Recovery words:</source>
        <translation>Mots de récupération :</translation>
    </message>
    <message>
        <source>Addresses:</source>
        <translation>Adresses :</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Nouvelle phrase secrète :</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Répéter :</translation>
    </message>
    <message>
        <source>A wallet exists already; restore the words on a node without one, or move wallet.json away first.</source>
        <translation>Un portefeuille existe déjà ; restaurez les mots sur un nœud qui n&apos;en a pas, ou déplacez d&apos;abord wallet.json.</translation>
    </message>
    <message>
        <source>These are not recovery words: %1.</source>
        <translation>Ce ne sont pas des mots de récupération : %1.</translation>
    </message>
</context>
<context>
    <name>pb::ui::SendDialog</name>
    <message>
        <source>Send coins</source>
        <translation>Envoyer des pièces</translation>
    </message>
    <message>
        <source>Send from</source>
        <translation>Envoyer depuis</translation>
    </message>
    <message>
        <source>%1 %2 (%3 spendable)</source>
        <translation>%1 %2 (%3 disponibles)</translation>
    </message>
    <message>
        <source>Recipient address</source>
        <translation>Adresse du destinataire</translation>
    </message>
    <message>
        <source>Recipient check</source>
        <translation>Vérification du destinataire</translation>
    </message>
    <message>
        <source>Amount in coins</source>
        <translation>Montant en pièces</translation>
    </message>
    <message>
        <source>Fee in coins</source>
        <translation>Frais en pièces</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Vérifier…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>De :</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>À :</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Montant :</translation>
    </message>
    <message>
        <source>Fee:</source>
        <translation>Frais :</translation>
    </message>
    <message>
        <source>This node accepts fees from %1 coins.</source>
        <translation>Ce nœud accepte des frais à partir de %1 pièces.</translation>
    </message>
    <message>
        <source>Transfer summary</source>
        <translation>Récapitulatif du transfert</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>✓ a valid address</source>
        <translation>✓ une adresse valide</translation>
    </message>
    <message>
        <source>✗ not a valid Photoblocks address (yet): check for typos</source>
        <translation>✗ pas (encore) une adresse Photoblocks valide : vérifiez les fautes de frappe</translation>
    </message>
    <message>
        <source>The wallet has no address to send from.</source>
        <translation>Le portefeuille n&apos;a aucune adresse depuis laquelle envoyer.</translation>
    </message>
    <message>
        <source>The recipient is not a valid Photoblocks address (pb1…, with its checksum): check for typos.</source>
        <translation>Le destinataire n&apos;est pas une adresse Photoblocks valide (pb1…, avec sa somme de contrôle) : vérifiez les fautes de frappe.</translation>
    </message>
    <message>
        <source>The amount is not a number of coins (digits, a point, at most 8 decimals).</source>
        <translation>Le montant n&apos;est pas un nombre de pièces (chiffres, un séparateur décimal, au plus 8 décimales).</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Le montant doit être supérieur à zéro.</translation>
    </message>
    <message>
        <source>The fee is not a number of coins (digits, a point, at most 8 decimals).</source>
        <translation>Les frais ne sont pas un nombre de pièces (chiffres, un séparateur décimal, au plus 8 décimales).</translation>
    </message>
    <message>
        <source>The fee is below this node&apos;s minimum of %1 coins.</source>
        <translation>Les frais sont inférieurs au minimum de ce nœud, %1 pièces.</translation>
    </message>
    <message>
        <source>Amount plus fee (%1 coins) is more than this address can spend: %2 coins (balance minus pending transfers).</source>
        <translation>Le montant plus les frais (%1 pièces) dépasse ce que cette adresse peut dépenser : %2 pièces (solde moins transferts en attente).</translation>
    </message>
    <message>
        <source>Send %1 coins to
%2

from %3
Fee: %4 coins
Total taken from the address: %5 coins
Left to spend afterwards: %6 coins

A sent transfer cannot be called back.</source>
        <translation>Envoyer %1 pièces à
%2

depuis %3
Frais : %4 pièces
Total prélevé sur l&apos;adresse : %5 pièces
Reste disponible ensuite : %6 pièces

Un transfert envoyé ne peut pas être annulé.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>pb1… or a photoblocks: payment request</source>
        <translation>pb1… ou une demande de paiement photoblocks:</translation>
    </message>
    <message>
        <source>Pick a recipient from the address book</source>
        <translation>Choisir un destinataire dans le carnet d&apos;adresses</translation>
    </message>
    <message>
        <source>Save the recipient in the address book as</source>
        <translation>Enregistrer le destinataire dans le carnet d&apos;adresses sous le nom</translation>
    </message>
    <message>
        <source>a name (optional)</source>
        <translation>un nom (facultatif)</translation>
    </message>
    <message>
        <source>Address book:</source>
        <translation>Carnet d&apos;adresses :</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Enregistrer sous :</translation>
    </message>
    <message>
        <source>— pick a saved recipient —</source>
        <translation>— choisir un destinataire enregistré —</translation>
    </message>
    <message>
        <source>(address book unreadable: %1)</source>
        <translation>(carnet d&apos;adresses illisible : %1)</translation>
    </message>
    <message>
        <source>Sent, but not saved to the address book: %1</source>
        <translation>Envoyé, mais pas enregistré dans le carnet d&apos;adresses : %1</translation>
    </message>
    <message>
        <source>✗ not a usable payment request: %1</source>
        <translation>✗ demande de paiement inutilisable : %1</translation>
    </message>
    <message>
        <source>✓ %1, from the address book</source>
        <translation>✓ %1, du carnet d&apos;adresses</translation>
    </message>
</context>
<context>
    <name>pb::ui::SettingsPage</name>
    <message>
        <source>Node settings take effect the next time Photoblocks starts. Options given on the command line override them.</source>
        <translation>Les réglages du nœud prennent effet au prochain démarrage de Photoblocks. Les options données en ligne de commande les remplacent.</translation>
    </message>
    <message>
        <source>Restart note</source>
        <translation>Note sur le redémarrage</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Répertoire de données</translation>
    </message>
    <message>
        <source>default: ~/.local/share/photoblocks/&lt;network&gt;</source>
        <translation>par défaut : ~/.local/share/photoblocks/&lt;réseau&gt;</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>dev, test or the name of a custom network</source>
        <translation>dev, test ou le nom d&apos;un réseau personnalisé</translation>
    </message>
    <message>
        <source>Node mode</source>
        <translation>Mode du nœud</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>Graines</translation>
    </message>
    <message>
        <source>host:port, separated by commas (default: the network&apos;s seed)</source>
        <translation>hôte:port, séparés par des virgules (par défaut : la graine du réseau)</translation>
    </message>
    <message>
        <source>Peer port</source>
        <translation>Port des pairs</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message>
        <source>Redis URL</source>
        <translation>URL Redis</translation>
    </message>
    <message>
        <source>embedded redis-server (or redis://host:port/db, unix:///path.sock)</source>
        <translation>redis-server intégré (ou redis://hôte:port/db, unix:///chemin.sock)</translation>
    </message>
    <message>
        <source>Mining threads at launch</source>
        <translation>Threads de minage au lancement</translation>
    </message>
    <message>
        <source>Start mining when Photoblocks starts</source>
        <translation>Démarrer le minage au démarrage de Photoblocks</translation>
    </message>
    <message>
        <source>Start mining on launch</source>
        <translation>Miner dès le lancement</translation>
    </message>
    <message>
        <source>Node (applied after a restart)</source>
        <translation>Nœud (appliqué après un redémarrage)</translation>
    </message>
    <message>
        <source>&amp;Data directory:</source>
        <translation>&amp;Répertoire de données :</translation>
    </message>
    <message>
        <source>&amp;Network:</source>
        <translation>&amp;Réseau :</translation>
    </message>
    <message>
        <source>M&amp;ode:</source>
        <translation>M&amp;ode :</translation>
    </message>
    <message>
        <source>S&amp;eeds:</source>
        <translation>&amp;Graines :</translation>
    </message>
    <message>
        <source>&amp;Peer port:</source>
        <translation>&amp;Port des pairs :</translation>
    </message>
    <message>
        <source>REST API:</source>
        <translation>API REST :</translation>
    </message>
    <message>
        <source>on the Mobile page</source>
        <translation>sur la page Mobile</translation>
    </message>
    <message>
        <source>Red&amp;is:</source>
        <translation>Red&amp;is :</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads :</translation>
    </message>
    <message>
        <source>Closing the window keeps the node running in the tray</source>
        <translation>Fermer la fenêtre laisse le nœud tourner dans la zone de notification</translation>
    </message>
    <message>
        <source>Minimize to tray</source>
        <translation>Réduire dans la zone de notification</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <source>&amp;Language (applied after a restart):</source>
        <translation>&amp;Langue (appliquée après un redémarrage) :</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Enregistrer les paramètres</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Ré&amp;tablir</translation>
    </message>
    <message>
        <source>Settings message</source>
        <translation>Message des paramètres</translation>
    </message>
    <message>
        <source>Not saved: %1.</source>
        <translation>Non enregistré : %1.</translation>
    </message>
    <message>
        <source>Saved. Restart Photoblocks for the node settings and the language to take effect.</source>
        <translation>Enregistré. Redémarrez Photoblocks pour que les réglages du nœud et la langue prennent effet.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Where the node settings come from</source>
        <translation>D&apos;où viennent les réglages du nœud</translation>
    </message>
    <message>
        <source>This run uses %1; the value here applies at the next start without it.</source>
        <translation>Cette exécution utilise %1 ; la valeur d&apos;ici s&apos;applique au prochain démarrage sans celle-ci.</translation>
    </message>
    <message>
        <source>This run uses %1, which wins over the values below. The values below are what is saved: they take effect at the next start where neither the command line nor a config file sets them.</source>
        <translation>Cette exécution utilise %1, qui l&apos;emporte sur les valeurs ci-dessous. Ce sont les valeurs ci-dessous qui sont enregistrées : elles prennent effet au prochain démarrage où ni la ligne de commande ni un fichier de configuration ne les fixe.</translation>
    </message>
</context>
<context>
    <name>pb::ui::TransferView</name>
    <message>
        <source>Transfer</source>
        <translation>Transfert</translation>
    </message>
    <message>
        <source>Transfer title</source>
        <translation>Titre du transfert</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Transfer id</source>
        <translation>Identifiant du transfert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Transfer type</source>
        <translation>Type de transfert</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Nonce</source>
        <translation>Nonce</translation>
    </message>
    <message>
        <source>Transfer nonce</source>
        <translation>Nonce du transfert</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Transfer status</source>
        <translation>État du transfert</translation>
    </message>
    <message>
        <source>Show its block</source>
        <translation>Afficher son bloc</translation>
    </message>
    <message>
        <source>Show the transfer&apos;s block</source>
        <translation>Afficher le bloc du transfert</translation>
    </message>
    <message>
        <source>Coinbase %1…</source>
        <translation>Coinbase %1…</translation>
    </message>
    <message>
        <source>Transfer %1…</source>
        <translation>Transfert %1…</translation>
    </message>
    <message>
        <source>— (new coins)</source>
        <translation>— (nouvelles pièces)</translation>
    </message>
    <message>
        <source>confirmed in block %1</source>
        <translation>confirmé dans le bloc %1</translation>
    </message>
    <message>
        <source>pending (in the mempool)</source>
        <translation>en attente (dans la mempool)</translation>
    </message>
    <message>
        <source>Not in a block yet</source>
        <translation>Pas encore dans un bloc</translation>
    </message>
    <message>
        <source>Show block %1</source>
        <translation>Afficher le bloc %1</translation>
    </message>
</context>
<context>
    <name>pb::ui::TrayIcon</name>
    <message>
        <source>Show Photoblocks</source>
        <translation>Afficher Photoblocks</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Photoblocks: starting</source>
        <translation>Photoblocks : démarrage</translation>
    </message>
    <message>
        <source>Photoblocks %1: height %2, %3 peers%4</source>
        <translation>Photoblocks %1 : hauteur %2, %3 pairs%4</translation>
    </message>
    <message>
        <source>, mining at %1</source>
        <translation>, minage à %1</translation>
    </message>
    <message>
        <source>Block found</source>
        <translation>Bloc trouvé</translation>
    </message>
    <message>
        <source>This node mined block %1 (%2…).</source>
        <translation>Ce nœud a miné le bloc %1 (%2…).</translation>
    </message>
    <message>
        <source>Peers…</source>
        <translation>Pairs…</translation>
    </message>
    <message>
        <source>Start mining</source>
        <translation>Démarrer le minage</translation>
    </message>
    <message>
        <source>Stop mining</source>
        <translation>Arrêter le minage</translation>
    </message>
</context>
<context>
    <name>pb::ui::UnlockWalletDialog</name>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Unlock the wallet</source>
        <translation>Déverrouiller le portefeuille</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Phrase secrète :</translation>
    </message>
    <message>
        <source>Type the wallet&apos;s passphrase.</source>
        <translation>Saisissez la phrase secrète du portefeuille.</translation>
    </message>
</context>
<context>
    <name>pb::ui::WalletAddressModel</name>
    <message>
        <source>The default address: the node mines to it</source>
        <translation>L&apos;adresse par défaut : le nœud y mine</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (par défaut)</translation>
    </message>
    <message>
        <source>unlabelled</source>
        <translation>sans libellé</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmé</translation>
    </message>
    <message>
        <source>Pending in / out</source>
        <translation>En attente entrant / sortant</translation>
    </message>
</context>
<context>
    <name>pb::ui::WalletHistoryModel</name>
    <message>
        <source>mined</source>
        <translation>miné</translation>
    </message>
    <message>
        <source>to self</source>
        <translation>à soi-même</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>received</source>
        <translation>reçu</translation>
    </message>
    <message>
        <source>%1 → %2
Double-click to copy the id</source>
        <translation>%1 → %2
Double-cliquez pour copier l&apos;identifiant</translation>
    </message>
    <message>
        <source>block reward</source>
        <translation>récompense de bloc</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Hauteur</translation>
    </message>
    <message>
        <source>Transaction id</source>
        <translation>Identifiant de transaction</translation>
    </message>
</context>
<context>
    <name>pb::ui::WalletOperationDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Working… (the passphrase is stretched on purpose; this takes a moment)</source>
        <translation>En cours… (la phrase secrète est étirée exprès ; cela prend un moment)</translation>
    </message>
</context>
<context>
    <name>pb::ui::WalletPage</name>
    <message>
        <source>Wallet addresses</source>
        <translation>Adresses du portefeuille</translation>
    </message>
    <message>
        <source>Transaction history of the selected address</source>
        <translation>Historique des transactions de l&apos;adresse sélectionnée</translation>
    </message>
    <message>
        <source>Double-click a transaction to copy its id</source>
        <translation>Double-cliquez sur une transaction pour copier son identifiant</translation>
    </message>
    <message>
        <source>Copied transaction id %1</source>
        <translation>Identifiant de transaction %1 copié</translation>
    </message>
    <message>
        <source>History of the selected address (pending first)</source>
        <translation>Historique de l&apos;adresse sélectionnée (en attente d&apos;abord)</translation>
    </message>
    <message>
        <source>Wallet state</source>
        <translation>État du portefeuille</translation>
    </message>
    <message>
        <source>Wallet message</source>
        <translation>Message du portefeuille</translation>
    </message>
    <message>
        <source>Default address note</source>
        <translation>Note sur l&apos;adresse par défaut</translation>
    </message>
    <message>
        <source>Create wallet…</source>
        <translation>Créer un portefeuille…</translation>
    </message>
    <message>
        <source>Create wallet</source>
        <translation>Créer un portefeuille</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>Déverrouiller…</translation>
    </message>
    <message>
        <source>Unlock wallet</source>
        <translation>Déverrouiller le portefeuille</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <source>Lock wallet</source>
        <translation>Verrouiller le portefeuille</translation>
    </message>
    <message>
        <source>New address…</source>
        <translation>Nouvelle adresse…</translation>
    </message>
    <message>
        <source>New address</source>
        <translation>Nouvelle adresse</translation>
    </message>
    <message>
        <source>Make default</source>
        <translation>Définir par défaut</translation>
    </message>
    <message>
        <source>Make the selected address the default</source>
        <translation>Faire de l&apos;adresse sélectionnée l&apos;adresse par défaut</translation>
    </message>
    <message>
        <source>The default address receives this node&apos;s mining rewards</source>
        <translation>L&apos;adresse par défaut reçoit les récompenses de minage de ce nœud</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>Envoyer…</translation>
    </message>
    <message>
        <source>Send coins</source>
        <translation>Envoyer des pièces</translation>
    </message>
    <message>
        <source>Receive address</source>
        <translation>Adresse de réception</translation>
    </message>
    <message>
        <source>QR code of the receive address</source>
        <translation>Code QR de l&apos;adresse de réception</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Copier l&apos;adresse</translation>
    </message>
    <message>
        <source>Copy the receive address</source>
        <translation>Copier l&apos;adresse de réception</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 copiée</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Recevoir</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <source>No wallet yet. Create one to receive and send coins; the node then mines to its default address.</source>
        <translation>Pas encore de portefeuille. Créez-en un pour recevoir et envoyer des pièces ; le nœud mine alors vers son adresse par défaut.</translation>
    </message>
    <message>
        <source>Unlocked: you can add addresses and send.</source>
        <translation>Déverrouillé : vous pouvez ajouter des adresses et envoyer.</translation>
    </message>
    <message>
        <source>Locked: unlock to add addresses or send.</source>
        <translation>Verrouillé : déverrouillez pour ajouter des adresses ou envoyer.</translation>
    </message>
    <message>
        <source>Default address set.</source>
        <translation>Adresse par défaut définie.</translation>
    </message>
    <message>
        <source>The node mines to %1 until it restarts; the default address applies at the next start.</source>
        <translation>Le nœud mine vers %1 jusqu&apos;à son redémarrage ; l&apos;adresse par défaut s&apos;applique au prochain démarrage.</translation>
    </message>
    <message>
        <source>Backup…</source>
        <translation>Sauvegarder…</translation>
    </message>
    <message>
        <source>Back up the wallet to a file</source>
        <translation>Sauvegarder le portefeuille dans un fichier</translation>
    </message>
    <message>
        <source>Copies the encrypted wallet file; it opens with the wallet&apos;s passphrase</source>
        <translation>Copie le fichier chiffré du portefeuille ; il s&apos;ouvre avec la phrase secrète du portefeuille</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restaurer…</translation>
    </message>
    <message>
        <source>Restore the wallet from a backup file</source>
        <translation>Restaurer le portefeuille depuis un fichier de sauvegarde</translation>
    </message>
    <message>
        <source>Restore from words…</source>
        <translation>Restaurer depuis les mots…</translation>
    </message>
    <message>
        <source>Restore the wallet from its recovery words</source>
        <translation>Restaurer le portefeuille à partir de ses mots de récupération</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Changer la phrase secrète…</translation>
    </message>
    <message>
        <source>Change the wallet passphrase</source>
        <translation>Changer la phrase secrète du portefeuille</translation>
    </message>
    <message>
        <source>Request payment…</source>
        <translation>Demander un paiement…</translation>
    </message>
    <message>
        <source>Request a payment to the selected address</source>
        <translation>Demander un paiement vers l&apos;adresse sélectionnée</translation>
    </message>
    <message>
        <source>Export history CSV…</source>
        <translation>Exporter l&apos;historique en CSV…</translation>
    </message>
    <message>
        <source>Export the wallet&apos;s history as CSV</source>
        <translation>Exporter l&apos;historique du portefeuille en CSV</translation>
    </message>
    <message>
        <source>Address book…</source>
        <translation>Carnet d&apos;adresses…</translation>
    </message>
    <message>
        <source>Edit the address book</source>
        <translation>Modifier le carnet d&apos;adresses</translation>
    </message>
    <message>
        <source>Back up the wallet</source>
        <translation>Sauvegarder le portefeuille</translation>
    </message>
    <message>
        <source>Wallet files (*.json)</source>
        <translation>Fichiers de portefeuille (*.json)</translation>
    </message>
    <message>
        <source>Export the wallet history</source>
        <translation>Exporter l&apos;historique du portefeuille</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>History exported to %1</source>
        <translation>Historique exporté vers %1</translation>
    </message>
    <message>
        <source>History not exported: %1</source>
        <translation>Historique non exporté : %1</translation>
    </message>
    <message>
        <source>Wallet backed up. Keep the backup and the passphrase in different places.</source>
        <translation>Portefeuille sauvegardé. Gardez la sauvegarde et la phrase secrète à des endroits différents.</translation>
    </message>
    <message>
        <source>Passphrase changed. Make a new backup: old ones open with the old passphrase.</source>
        <translation>Phrase secrète changée. Faites une nouvelle sauvegarde : les anciennes s&apos;ouvrent avec l&apos;ancienne phrase secrète.</translation>
    </message>
    <message>
        <source>Wallet restored. The node mines to its default address from its next start.</source>
        <translation>Portefeuille restauré. Le nœud mine vers son adresse par défaut à partir de son prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>pb::ui::WalletSession</name>
    <message>
        <source>The wallet is busy with another operation; try again in a moment.</source>
        <translation>Le portefeuille est occupé par une autre opération ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>There is no wallet yet.</source>
        <translation>Il n&apos;y a pas encore de portefeuille.</translation>
    </message>
    <message>
        <source>Unlock the wallet first.</source>
        <translation>Déverrouillez d&apos;abord le portefeuille.</translation>
    </message>
    <message>
        <source>The node has not started yet; try again when it runs.</source>
        <translation>Le nœud n&apos;a pas encore démarré ; réessayez quand il tourne.</translation>
    </message>
    <message>
        <source>Cannot read the sender&apos;s account: %1</source>
        <translation>Impossible de lire le compte de l&apos;expéditeur : %1</translation>
    </message>
</context>
</TS>
