#include "core/wallet/Keystore.h"

#include "core/crypto/Address.h"
#include "core/util/PrivateFile.h"
#include "core/wallet/KeystoreCipher.h"
#include "core/wallet/RecoveryPhrase.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/crypto.h>

namespace pb::wallet {

namespace {

constexpr qint64 kMaxFileBytes = 1 << 20;
constexpr const char* kFormat = "photoblocks-wallet";
constexpr int kRandomKeysVersion = 1;
constexpr int kPhraseVersion = 2;
constexpr const char* kDerivationScheme = "bip39-slip10-ed25519";
constexpr int kMaxPhraseAddresses = 1000;

const QString kWhat = "wallet file";

std::nullopt_t fail(KeystoreError* error, KeystoreError::Kind kind, const QString& message)
{
    if (error) *error = {kind, message};
    return std::nullopt;
}
bool failed(KeystoreError* error, KeystoreError::Kind kind, const QString& message)
{
    if (error) *error = {kind, message};
    return false;
}

QString hexOf(const QByteArray& b) { return QString::fromLatin1(b.toHex()); }

std::optional<QByteArray> hexField(const QJsonObject& o, const char* name, int size)
{
    const QByteArray text = o[name].toString().toLatin1();
    const QByteArray bytes = QByteArray::fromHex(text);
    if (!o[name].isString() || text.size() != 2 * bytes.size() || (size >= 0 && bytes.size() != size)) return std::nullopt;
    return bytes;
}

using cipher::checkValue;
using cipher::deriveKeys;
using cipher::gcm;
using cipher::randomBytes;

QJsonObject derivationJson()
{
    return {{"scheme", kDerivationScheme}, {"path", phrase::derivationPath()}};
}

std::optional<QByteArray> readWhole(const QString& path, KeystoreError* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(error, KeystoreError::Io, QString("cannot read %1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    return file.read(kMaxFileBytes + 1);
}

} // namespace

Keystore::~Keystore()
{
    OPENSSL_cleanse(passphrase_.data(), size_t(passphrase_.size()));
    for (auto& s : seeds_) OPENSSL_cleanse(s.data(), s.size());
    cipher::wipe(phraseSeed_);
}

QJsonArray Keystore::addressesJson() const
{
    QJsonArray list;
    for (const KeystoreAddress& a : addresses_)
        list.append(QJsonObject{{"address", a.address},
                                {"label", a.label},
                                {"publicKey", hexOf(QByteArray(reinterpret_cast<const char*>(a.publicKey.data()), 32))}});
    return list;
}

QJsonObject Keystore::kdfJson() const
{
    return {{"name", "scrypt"}, {"n", qint64(cost_.n)}, {"r", qint64(cost_.r)}, {"p", qint64(cost_.p)}, {"salt", hexOf(salt_)}};
}

QByteArray Keystore::associatedData() const
{
    QJsonObject data{{"addresses", addressesJson()}, {"default", defaultAddress_}, {"kdf", kdfJson()}};
    if (fromPhrase_) data["derivation"] = derivationJson();
    return QJsonDocument(data).toJson(QJsonDocument::Compact);
}

std::optional<Keystore> Keystore::create(const QString& path, const QByteArray& passphrase, const QString& label,
                                         KeystoreError* error, ScryptCost cost)
{
    if (passphrase.size() < kMinPassphraseLength)
        return fail(error, KeystoreError::WeakPassphrase,
                              QString("the passphrase must have at least %1 characters").arg(kMinPassphraseLength));
    if (QFileInfo::exists(path))
        return fail(error, KeystoreError::AlreadyExists, QString("a wallet already exists at %1").arg(path));
    Keystore k;
    k.path_ = path;
    k.passphrase_ = passphrase;
    k.cost_ = cost;
    if (!k.newAddress(label, error)) return std::nullopt;  // writes the file
    return k;
}

std::optional<Keystore> Keystore::createFromPhrase(const QString& path, const QByteArray& passphrase, const QString& words,
                                                   int addressCount, const QString& label, KeystoreError* error, ScryptCost cost)
{
    QString why;
    if (!phrase::toEntropy(words, &why)) return fail(error, KeystoreError::BadRequest, why);
    if (addressCount < 1 || addressCount > kMaxPhraseAddresses)
        return fail(error, KeystoreError::BadRequest, QString("a wallet has 1 to %1 addresses").arg(kMaxPhraseAddresses));
    if (passphrase.size() < kMinPassphraseLength)
        return fail(error, KeystoreError::WeakPassphrase,
                    QString("the passphrase must have at least %1 characters").arg(kMinPassphraseLength));
    if (QFileInfo::exists(path)) return fail(error, KeystoreError::AlreadyExists, QString("a wallet already exists at %1").arg(path));
    Keystore k;
    k.path_ = path;
    k.passphrase_ = passphrase;
    k.cost_ = cost;
    k.fromPhrase_ = true;
    k.phraseSeed_ = phrase::toSeed(phrase::normalizedWords(words));
    for (int i = 0; i < addressCount; ++i) {
        const std::array<uint8_t, 32> seed = k.nextKey();
        const crypto::PublicKey pub = crypto::Ed25519Key::fromRawPrivate(seed).publicKey();
        k.addresses_.append({QString::fromStdString(crypto::encodeAddress(crypto::addressFromPublicKey(pub))), i == 0 ? label : QString(), pub});
        k.seeds_.push_back(seed);
    }
    k.defaultAddress_ = k.addresses_.front().address;
    if (!k.save(false, error)) return std::nullopt;
    return k;
}

std::array<uint8_t, 32> Keystore::nextKey() const
{
    if (fromPhrase_) return phrase::addressKey(phraseSeed_, uint32_t(addresses_.size()));
    std::array<uint8_t, 32> seed;
    QByteArray random = randomBytes(32);
    std::copy(random.begin(), random.end(), seed.begin());
    cipher::wipe(random);
    return seed;
}

std::optional<KeystoreAddress> Keystore::newAddress(const QString& label, KeystoreError* error)
{
    if (!unlocked()) return fail(error, KeystoreError::BadRequest, "the wallet is locked");
    if (label.size() > 64) return fail(error, KeystoreError::BadRequest, "a label has at most 64 characters");
    if (fromPhrase_ && addresses_.size() >= kMaxPhraseAddresses)
        return fail(error, KeystoreError::BadRequest, QString("a wallet has at most %1 addresses").arg(kMaxPhraseAddresses));
    const std::array<uint8_t, 32> seed = nextKey();
    const crypto::PublicKey pub = crypto::Ed25519Key::fromRawPrivate(seed).publicKey();
    KeystoreAddress entry{QString::fromStdString(crypto::encodeAddress(crypto::addressFromPublicKey(pub))), label, pub};
    const bool first = addresses_.isEmpty();
    addresses_.append(entry);
    seeds_.push_back(seed);
    if (first) defaultAddress_ = entry.address;
    if (!save(!first, error)) {
        addresses_.removeLast();
        seeds_.pop_back();
        if (first) defaultAddress_.clear();
        return std::nullopt;
    }
    return entry;
}

bool Keystore::setDefault(const QString& address, KeystoreError* error)
{
    if (!unlocked()) return failed(error, KeystoreError::BadRequest, "the wallet is locked");
    if (std::none_of(addresses_.begin(), addresses_.end(), [&](const KeystoreAddress& a) { return a.address == address; }))
        return failed(error, KeystoreError::BadRequest, QString("%1 is not an address of this wallet").arg(address.left(100)));
    const QString previous = std::exchange(defaultAddress_, address);
    if (save(true, error)) return true;
    defaultAddress_ = previous;
    return false;
}

bool Keystore::changePassphrase(const QByteArray& newPassphrase, KeystoreError* error)
{
    if (!unlocked()) return failed(error, KeystoreError::BadRequest, "the wallet is locked");
    if (newPassphrase.size() < kMinPassphraseLength)
        return failed(error, KeystoreError::WeakPassphrase,
                      QString("the passphrase must have at least %1 characters").arg(kMinPassphraseLength));
    QByteArray previous = std::exchange(passphrase_, newPassphrase);
    if (save(true, error)) {
        cipher::wipe(previous);
        return true;
    }
    cipher::wipe(passphrase_);
    passphrase_ = previous;
    return false;
}

std::optional<crypto::Ed25519Key> Keystore::key(const QString& address) const
{
    if (!unlocked()) return std::nullopt;
    for (int i = 0; i < addresses_.size(); ++i)
        if (addresses_[i].address == address) return crypto::Ed25519Key::fromRawPrivate(seeds_[size_t(i)]);
    return std::nullopt;
}

bool Keystore::save(bool replace, KeystoreError* error)
{
    salt_ = randomBytes(16);
    iv_ = randomBytes(12);
    const QByteArray keys = deriveKeys(passphrase_, salt_, cost_);
    if (keys.isEmpty()) return failed(error, KeystoreError::BadRequest, "scrypt refused the cost parameters");
    QByteArray plain = phraseSeed_;
    if (!fromPhrase_)
        for (const auto& s : seeds_) plain.append(reinterpret_cast<const char*>(s.data()), 32);
    QByteArray tag;
    const auto sealed = gcm(true, keys, iv_, associatedData(), plain, &tag);
    OPENSSL_cleanse(plain.data(), size_t(plain.size()));
    if (!sealed) return failed(error, KeystoreError::Io, "AES-256-GCM encryption failed");
    check_ = checkValue(keys);
    tag_ = tag;
    ciphertext_ = *sealed;
    QJsonObject file{
        {"format", kFormat},
        {"version", fromPhrase_ ? kPhraseVersion : kRandomKeysVersion},
        {"addresses", addressesJson()},
        {"default", defaultAddress_},
        {"kdf", kdfJson()},
        {"check", hexOf(check_)},
        {"cipher", QJsonObject{{"name", "aes-256-gcm"}, {"iv", hexOf(iv_)}, {"tag", hexOf(tag_)}, {"ciphertext", hexOf(ciphertext_)}}},
    };
    if (fromPhrase_) file["derivation"] = derivationJson();
    QString message;
    switch (placePrivateFile(path_, QJsonDocument(file).toJson(QJsonDocument::Indented), replace, kWhat, &message)) {
    case Placed::Written: return true;
    case Placed::AlreadyExists: return failed(error, KeystoreError::AlreadyExists, QString("a wallet already exists at %1").arg(path_));
    case Placed::Failed: break;
    }
    return failed(error, KeystoreError::Io, message);
}

std::optional<Keystore> Keystore::parse(const QString& path, bool ownerOnly, KeystoreError* error, QByteArray* bytesRead)
{
    if (!QFileInfo::exists(path))
        return fail(error, KeystoreError::NotFound, QString("no wallet at %1 (create one with `photoblocksd wallet create`)").arg(path));
    QString message;
    if (ownerOnly && !checkPrivateFile(path, kWhat, &message)) return fail(error, KeystoreError::Permissions, message);
    if (!QFileInfo(path).isFile()) return fail(error, KeystoreError::Io, QString("%1 is not a file").arg(path));
    const auto read = readWhole(path, error);
    if (!read) return std::nullopt;
    const QByteArray& bytes = *read;
    if (bytesRead) *bytesRead = bytes;
    const auto corrupted = [&](const QString& why) {
        return fail(error, KeystoreError::Corrupted, QString("wallet file %1 is damaged: %2").arg(path, why));
    };
    if (bytes.size() > kMaxFileBytes) return corrupted("it is larger than any wallet");
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (!doc.isObject()) return corrupted(QString("not JSON (%1 at offset %2)").arg(parseError.errorString()).arg(parseError.offset));
    const QJsonObject o = doc.object();
    if (o["format"].toString() != kFormat) return corrupted("not a Photoblocks wallet");
    const int version = o["version"].toInt();
    if (version != kRandomKeysVersion && version != kPhraseVersion)
        return corrupted(QString("version %1; this program reads versions %2 and %3").arg(version).arg(kRandomKeysVersion).arg(kPhraseVersion));

    Keystore k;
    k.path_ = path;
    k.fromPhrase_ = version == kPhraseVersion;
    if (k.fromPhrase_ && o["derivation"].toObject() != derivationJson())
        return corrupted("its key derivation is not one this program knows");
    const QJsonObject kdf = o["kdf"].toObject();
    const QJsonObject cipher = o["cipher"].toObject();
    const auto salt = hexField(kdf, "salt", 16);
    const auto check = hexField(o, "check", 32);
    const auto iv = hexField(cipher, "iv", 12);
    const auto tag = hexField(cipher, "tag", 16);
    const auto ciphertext = hexField(cipher, "ciphertext", -1);
    if (kdf["name"].toString() != "scrypt" || cipher["name"].toString() != "aes-256-gcm" || !salt || !check || !iv || !tag
        || !ciphertext)
        return corrupted("the key derivation or cipher fields are missing or malformed");
    k.cost_ = {uint64_t(kdf["n"].toInteger()), uint32_t(kdf["r"].toInteger()), uint32_t(kdf["p"].toInteger())};
    k.salt_ = *salt;
    k.check_ = *check;
    k.iv_ = *iv;
    k.tag_ = *tag;
    k.ciphertext_ = *ciphertext;
    for (const QJsonValue& v : o["addresses"].toArray()) {
        const QJsonObject a = v.toObject();
        const auto pub = hexField(a, "publicKey", 32);
        if (!pub || !a["address"].isString() || !a["label"].isString()) return corrupted("an address entry is malformed");
        KeystoreAddress entry{a["address"].toString(), a["label"].toString(), {}};
        std::copy(pub->begin(), pub->end(), entry.publicKey.begin());
        if (QString::fromStdString(crypto::encodeAddress(crypto::addressFromPublicKey(entry.publicKey))) != entry.address)
            return corrupted(QString("address %1 does not match its public key").arg(entry.address.left(100)));
        k.addresses_.append(entry);
    }
    k.defaultAddress_ = o["default"].toString();
    if (k.addresses_.isEmpty()) return corrupted("it lists no addresses");
    if (std::none_of(k.addresses_.begin(), k.addresses_.end(), [&](const KeystoreAddress& a) { return a.address == k.defaultAddress_; }))
        return corrupted("the default address is not one of its addresses");
    return k;
}

std::optional<Keystore> Keystore::readPublic(const QString& path, KeystoreError* error) { return parse(path, true, error); }

std::optional<Keystore> Keystore::open(const QString& path, const QByteArray& passphrase, KeystoreError* error)
{
    return decrypt(parse(path, true, error), passphrase, error);
}

std::optional<Keystore> Keystore::decrypt(std::optional<Keystore> k, const QByteArray& passphrase, KeystoreError* error)
{
    if (!k) return std::nullopt;
    const QString path = k->path_;
    const QByteArray keys = deriveKeys(passphrase, k->salt_, k->cost_);
    if (keys.isEmpty())
        return fail(error, KeystoreError::Corrupted, QString("wallet file %1 is damaged: unusable scrypt parameters").arg(path));
    if (CRYPTO_memcmp(checkValue(keys).constData(), k->check_.constData(), 32) != 0)
        return fail(error, KeystoreError::WrongPassphrase, "wrong passphrase");
    QByteArray tag = k->tag_;
    auto plain = gcm(false, keys, k->iv_, k->associatedData(), k->ciphertext_, &tag);
    if (!plain || plain->size() != (k->fromPhrase_ ? 64 : 32 * k->addresses_.size()))
        return fail(error, KeystoreError::Corrupted,
                              QString("wallet file %1 is damaged: the passphrase is right but the encrypted keys or the "
                                      "address list were altered").arg(path));
    if (k->fromPhrase_) k->phraseSeed_ = *plain;
    for (int i = 0; i < k->addresses_.size(); ++i) {
        std::array<uint8_t, 32> seed;
        if (k->fromPhrase_)
            seed = phrase::addressKey(k->phraseSeed_, uint32_t(i));
        else
            std::memcpy(seed.data(), plain->constData() + 32 * i, 32);
        if (crypto::Ed25519Key::fromRawPrivate(seed).publicKey() != k->addresses_[i].publicKey) {
            OPENSSL_cleanse(plain->data(), size_t(plain->size()));
            return fail(error, KeystoreError::Corrupted,
                                  QString("wallet file %1 is damaged: key %2 does not match its address").arg(path).arg(i));
        }
        k->seeds_.push_back(seed);
    }
    OPENSSL_cleanse(plain->data(), size_t(plain->size()));
    k->passphrase_ = passphrase;
    return k;
}

bool Keystore::backup(const QString& walletPath, const QString& target, bool replace, KeystoreError* error)
{
    QByteArray bytes;
    if (!parse(walletPath, true, error, &bytes)) return false;
    QString message;
    switch (placePrivateFile(target, bytes, replace, "wallet backup", &message)) {
    case Placed::Written: return true;
    case Placed::AlreadyExists: return failed(error, KeystoreError::AlreadyExists, QString("%1 already exists").arg(target));
    case Placed::Failed: break;
    }
    return failed(error, KeystoreError::Io, message);
}

std::optional<Keystore> Keystore::restore(const QString& source, const QString& walletPath, const QByteArray& passphrase,
                                          bool replace, KeystoreError* error)
{
    if (QFileInfo::exists(walletPath) && !replace)
        return fail(error, KeystoreError::AlreadyExists,
                    QString("a wallet already exists at %1; restoring would replace it").arg(walletPath));
    // A backup may sit on a stick without Unix permissions: only the restored copy must be private.
    QByteArray bytes;
    auto k = decrypt(parse(source, false, error, &bytes), passphrase, error);
    if (!k) return std::nullopt;
    QString message;
    if (QFileInfo::exists(walletPath)) {
        const QString kept = walletPath + ".before-restore-" + QDateTime::currentDateTimeUtc().toString("yyyyMMddHHmmsszzz");
        const auto old = readWhole(walletPath, error);
        if (!old) return std::nullopt;
        if (placePrivateFile(kept, *old, false, kWhat, &message) != Placed::Written)
            return fail(error, KeystoreError::Io, QString("cannot keep the current wallet before restoring: %1").arg(message));
    }
    if (placePrivateFile(walletPath, bytes, replace, kWhat, &message) != Placed::Written)
        return fail(error, KeystoreError::Io, message.isEmpty() ? QString("a wallet already exists at %1").arg(walletPath) : message);
    k->path_ = walletPath;
    return k;
}

} // namespace pb::wallet
