#pragma once
// The wallet's keystore: Ed25519 keys encrypted with a passphrase in one JSON file (mode 0600)
// in the data directory. scrypt (OpenSSL) turns the passphrase into 64 bytes: the first half is
// the AES-256-GCM key for the seeds, the second half keys an HMAC "check" value, which tells a
// wrong passphrase (check differs) from a damaged or altered file (check matches, GCM fails).
// Addresses, labels and the default reward address are readable without the passphrase (a node
// needs its reward address at start) and authenticated as GCM associated data.
// Version 1 files hold one random key per address; version 2 files hold the 64-byte seed of a
// recovery phrase (RecoveryPhrase.h) and derive address i's key from it. Both are read; a
// keystore is written back in its own version. Backups are copies of the file itself.
#include "core/crypto/Ed25519.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace pb::wallet {

struct KeystoreError {
    enum Kind { None, NotFound, AlreadyExists, WrongPassphrase, Corrupted, Permissions, WeakPassphrase, BadRequest, Io };
    Kind kind = None;
    QString message;
};

struct KeystoreAddress {
    QString address;  // bech32m "pb1…"
    QString label;
    crypto::PublicKey publicKey{};
};

struct ScryptCost {
    uint64_t n = 1 << 15;  // 32 MiB with r = 8
    uint32_t r = 8;
    uint32_t p = 1;
};

class Keystore {
public:
    static constexpr int kMinPassphraseLength = 8;
    static QString fileIn(const QString& dataDir) { return dataDir + "/wallet.json"; }

    // A new keystore with one address (the default), written to `path`; refuses to overwrite.
    static std::optional<Keystore> create(const QString& path, const QByteArray& passphrase, const QString& label,
                                          KeystoreError* error, ScryptCost cost = {});
    // A new keystore whose keys derive from recovery `words` (checked), with `addressCount`
    // addresses (1 to 1000), the first the default; for a new wallet and for a restore from paper.
    static std::optional<Keystore> createFromPhrase(const QString& path, const QByteArray& passphrase, const QString& words,
                                                    int addressCount, const QString& label, KeystoreError* error,
                                                    ScryptCost cost = {});
    // Decrypts every key: WrongPassphrase, Corrupted, Permissions or NotFound on failure.
    static std::optional<Keystore> open(const QString& path, const QByteArray& passphrase, KeystoreError* error);
    // The public part (addresses, labels, default) without decrypting: unauthenticated.
    static std::optional<Keystore> readPublic(const QString& path, KeystoreError* error);

    // Copies the intact wallet file at `walletPath` to `target` (a new 0600 file placed
    // atomically); an existing `target` is replaced only with `replace`.
    static bool backup(const QString& walletPath, const QString& target, bool replace, KeystoreError* error);
    // Opens the backup `source` with its passphrase (a wrong one or a damaged file is refused and
    // nothing is written) and places it at `walletPath`. An existing wallet there is replaced only
    // with `replace`, and then first kept beside it as wallet.json.before-restore-<time>.
    static std::optional<Keystore> restore(const QString& source, const QString& walletPath, const QByteArray& passphrase,
                                           bool replace, KeystoreError* error);

    const QList<KeystoreAddress>& addresses() const { return addresses_; }
    QString defaultAddress() const { return defaultAddress_; }
    bool unlocked() const { return seeds_.size() == size_t(addresses_.size()); }
    bool fromPhrase() const { return fromPhrase_; }
    QString path() const { return path_; }

    // Both need an unlocked keystore and are written at once.
    std::optional<KeystoreAddress> newAddress(const QString& label, KeystoreError* error);
    bool setDefault(const QString& address, KeystoreError* error);
    // Re-encrypts under a new passphrase; the file is replaced atomically, so until then the old
    // file and passphrase stay valid (also after a crash).
    bool changePassphrase(const QByteArray& newPassphrase, KeystoreError* error);
    // The key of one of its addresses (unlocked only).
    std::optional<crypto::Ed25519Key> key(const QString& address) const;

    Keystore(Keystore&&) noexcept = default;
    Keystore& operator=(Keystore&&) noexcept = default;
    ~Keystore();

private:
    Keystore() = default;
    // `bytes`, when given, receives the file as read (what backup and restore copy: the very
    // bytes that were checked).
    static std::optional<Keystore> parse(const QString& path, bool ownerOnly, KeystoreError* error, QByteArray* bytes = nullptr);
    static std::optional<Keystore> decrypt(std::optional<Keystore> k, const QByteArray& passphrase, KeystoreError* error);
    std::array<uint8_t, 32> nextKey() const;
    QJsonArray addressesJson() const;
    QJsonObject kdfJson() const;
    // What the GCM tag authenticates besides the seeds: addresses, default and KDF parameters.
    QByteArray associatedData() const;
    bool save(bool replace, KeystoreError* error);

    QString path_;
    QByteArray passphrase_;  // kept while unlocked to re-encrypt after changes
    ScryptCost cost_;
    QList<KeystoreAddress> addresses_;
    QString defaultAddress_;
    std::vector<std::array<uint8_t, 32>> seeds_;  // in address order; empty while locked
    bool fromPhrase_ = false;
    QByteArray phraseSeed_;  // version 2, unlocked: the recovery phrase's BIP-39 seed
    // The sealed part as read from the file.
    QByteArray salt_, check_, iv_, tag_, ciphertext_;
};

} // namespace pb::wallet
