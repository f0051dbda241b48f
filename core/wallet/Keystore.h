#pragma once
// The wallet's keystore: Ed25519 keys encrypted with a passphrase in one JSON file (mode 0600)
// in the data directory. scrypt (OpenSSL) turns the passphrase into 64 bytes: the first half is
// the AES-256-GCM key for the seeds, the second half keys an HMAC "check" value, which tells a
// wrong passphrase (check differs) from a damaged or altered file (check matches, GCM fails).
// Addresses, labels and the default reward address are readable without the passphrase (a node
// needs its reward address at start) and authenticated as GCM associated data.
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
    // Decrypts every key: WrongPassphrase, Corrupted, Permissions or NotFound on failure.
    static std::optional<Keystore> open(const QString& path, const QByteArray& passphrase, KeystoreError* error);
    // The public part (addresses, labels, default) without decrypting: unauthenticated.
    static std::optional<Keystore> readPublic(const QString& path, KeystoreError* error);

    const QList<KeystoreAddress>& addresses() const { return addresses_; }
    QString defaultAddress() const { return defaultAddress_; }
    bool unlocked() const { return seeds_.size() == size_t(addresses_.size()); }

    // Both need an unlocked keystore and are written at once.
    std::optional<KeystoreAddress> newAddress(const QString& label, KeystoreError* error);
    bool setDefault(const QString& address, KeystoreError* error);
    // The key of one of its addresses (unlocked only).
    std::optional<crypto::Ed25519Key> key(const QString& address) const;

    Keystore(Keystore&&) noexcept = default;
    Keystore& operator=(Keystore&&) noexcept = default;
    ~Keystore();

private:
    Keystore() = default;
    static std::optional<Keystore> parse(const QString& path, KeystoreError* error);
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
    // The sealed part as read from the file.
    QByteArray salt_, check_, iv_, tag_, ciphertext_;
};

} // namespace pb::wallet
