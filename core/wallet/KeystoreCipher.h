#pragma once
// The keystore's sealing primitives (OpenSSL): scrypt turns a passphrase into 64 bytes, the
// AES-256-GCM key then the key of an HMAC "check" value that tells a wrong passphrase from a
// damaged file.
#include "core/wallet/Keystore.h"

#include <QByteArray>
#include <optional>

namespace pb::wallet::cipher {

QByteArray randomBytes(int n);
// 64 bytes: the AES key, then the check key. Empty when scrypt refuses the parameters.
QByteArray deriveKeys(const QByteArray& passphrase, const QByteArray& salt, const ScryptCost& cost);
QByteArray checkValue(const QByteArray& keys);
// AES-256-GCM one way or the other; nullopt when the tag does not verify. Encrypting fills `tag`.
std::optional<QByteArray> gcm(bool encrypt, const QByteArray& keys, const QByteArray& iv, const QByteArray& aad,
                              const QByteArray& input, QByteArray* tag);
// Overwrites secrets before their memory is released.
void wipe(QByteArray& bytes);

} // namespace pb::wallet::cipher
