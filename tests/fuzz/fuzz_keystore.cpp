// Fuzz target for the wallet file: reading the public part of any file gives a keystore or a
// typed error, never a crash; a keystore read has addresses that match their public keys and
// a default among them. Files whose scrypt cost is tiny are also opened with a passphrase
// (the cost is the file's own, so only cheap files are worth running per input).
#include "core/crypto/Address.h"
#include "core/wallet/Keystore.h"
#include "tests/fuzz/FuzzSupport.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

bool cheapScrypt(const QByteArray& bytes)
{
    const QJsonObject kdf = QJsonDocument::fromJson(bytes).object().value("kdf").toObject();
    const qint64 n = kdf.value("n").toInteger(), r = kdf.value("r").toInteger(), p = kdf.value("p").toInteger();
    return n > 0 && r > 0 && p > 0 && n <= 64 && r <= 2 && p <= 2;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes = pb::fuzz::bytesOf(data, size);
    const QString path = pb::fuzz::scratchFile("wallet.json", bytes);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    pb::wallet::KeystoreError error;
    const auto keystore = pb::wallet::Keystore::readPublic(path, &error);
    if (!keystore) {
        if (error.kind == pb::wallet::KeystoreError::None || error.message.isEmpty())
            pb::fuzz::finding("fuzz_keystore", "refused without a typed error and a message");
        return 0;
    }
    bool defaultListed = false;
    for (const auto& address : keystore->addresses()) {
        if (QString::fromStdString(pb::crypto::encodeAddress(pb::crypto::addressFromPublicKey(address.publicKey))) != address.address)
            pb::fuzz::finding("fuzz_keystore", "an address that does not match its key");
        defaultListed = defaultListed || address.address == keystore->defaultAddress();
    }
    if (!defaultListed) pb::fuzz::finding("fuzz_keystore", "a default address that is not listed");
    if (cheapScrypt(bytes)) {
        const auto opened = pb::wallet::Keystore::open(path, "fuzzing passphrase", &error);
        if (opened && !opened->unlocked()) pb::fuzz::finding("fuzz_keystore", "opened but not unlocked");
    }
    return 0;
}
