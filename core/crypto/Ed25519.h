#pragma once
// Ed25519 keys through OpenSSL 3: generate, sign, verify, and load/save as a PEM file.
#include "core/util/Bytes.h"

#include <QString>
#include <memory>

namespace pb::crypto {

using PublicKey = std::array<uint8_t, 32>;
using Signature = std::array<uint8_t, 64>;

// Frees OpenSSL's per-thread state (random generators, error queue). Call on a thread that
// signed or generated keys, just before it ends: OpenSSL would otherwise keep it until exit.
void releaseThreadState();

bool ed25519Verify(const PublicKey& key, const uint8_t* msg, size_t size, const Signature& sig);

class Ed25519Key {
public:
    static Ed25519Key generate();
    // The key whose RFC 8032 32-byte private key (seed) is `seed`.
    static Ed25519Key fromRawPrivate(const std::array<uint8_t, 32>& seed);
    // Loads a private key file (PKCS#8 PEM). On failure returns nullopt and sets *error. Files
    // that group or others may access are refused: the key is the node's identity.
    static std::optional<Ed25519Key> loadFile(const QString& path, QString* error);
    // Loads the key at `path`, or creates one there (file mode 0600) when none exists.
    static std::optional<Ed25519Key> loadOrCreate(const QString& path, QString* error);
    // Writes the private key as PKCS#8 PEM with file mode 0600, atomically.
    bool saveFile(const QString& path, QString* error) const;

    PublicKey publicKey() const;
    Signature sign(const uint8_t* msg, size_t size) const;

    Ed25519Key(Ed25519Key&&) noexcept;
    Ed25519Key& operator=(Ed25519Key&&) noexcept;
    ~Ed25519Key();

private:
    struct Impl;
    explicit Ed25519Key(std::unique_ptr<Impl> impl);
    bool toPem(QByteArray* pem, QString* error) const;
    std::unique_ptr<Impl> d;
};

} // namespace pb::crypto
