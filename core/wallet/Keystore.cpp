#include "core/wallet/Keystore.h"

#include "core/crypto/Address.h"
#include "core/util/PrivateFile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <memory>

namespace pb::wallet {

namespace {

constexpr qint64 kMaxFileBytes = 1 << 20;
constexpr const char* kFormat = "photoblocks-wallet";
constexpr int kVersion = 1;
constexpr const char* kCheckLabel = "photoblocks wallet passphrase check";
constexpr uint64_t kMaxScryptMemory = 256ull << 20;

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

QByteArray randomBytes(int n)
{
    QByteArray out(n, 0);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), n) != 1) throw std::runtime_error("OpenSSL RAND_bytes failed");
    return out;
}

// 64 bytes: the AES key, then the check key. Empty when scrypt refuses the parameters.
QByteArray deriveKeys(const QByteArray& passphrase, const QByteArray& salt, const ScryptCost& cost)
{
    QByteArray out(64, 0);
    if (EVP_PBE_scrypt(passphrase.constData(), size_t(passphrase.size()), reinterpret_cast<const unsigned char*>(salt.constData()),
                       size_t(salt.size()), cost.n, cost.r, cost.p, kMaxScryptMemory,
                       reinterpret_cast<unsigned char*>(out.data()), size_t(out.size()))
        != 1)
        return {};
    return out;
}

QByteArray checkValue(const QByteArray& keys)
{
    unsigned char mac[32];
    unsigned int size = sizeof mac;
    HMAC(EVP_sha256(), keys.constData() + 32, 32, reinterpret_cast<const unsigned char*>(kCheckLabel), std::strlen(kCheckLabel),
         mac, &size);
    return QByteArray(reinterpret_cast<const char*>(mac), int(size));
}

struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};

// AES-256-GCM one way or the other; nullopt when the tag does not verify.
std::optional<QByteArray> gcm(bool encrypt, const QByteArray& keys, const QByteArray& iv, const QByteArray& aad,
                              const QByteArray& input, QByteArray* tag)
{
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx(EVP_CIPHER_CTX_new());
    const auto* key = reinterpret_cast<const unsigned char*>(keys.constData());
    const auto* ivBytes = reinterpret_cast<const unsigned char*>(iv.constData());
    if (!ctx || EVP_CipherInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr, encrypt ? 1 : 0) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, int(iv.size()), nullptr) != 1
        || EVP_CipherInit_ex(ctx.get(), nullptr, nullptr, key, ivBytes, -1) != 1)
        return std::nullopt;
    int len = 0;
    if (EVP_CipherUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(aad.constData()), int(aad.size())) != 1)
        return std::nullopt;
    QByteArray out(input.size() + 16, 0);
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    if (EVP_CipherUpdate(ctx.get(), o, &len, reinterpret_cast<const unsigned char*>(input.constData()), int(input.size())) != 1)
        return std::nullopt;
    int total = len;
    if (!encrypt && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, int(tag->size()), tag->data()) != 1) return std::nullopt;
    if (EVP_CipherFinal_ex(ctx.get(), o + total, &len) != 1) {
        OPENSSL_cleanse(out.data(), size_t(out.size()));
        return std::nullopt;
    }
    total += len;
    if (encrypt) {
        tag->resize(16);
        if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, 16, tag->data()) != 1) return std::nullopt;
    }
    out.resize(total);
    return out;
}

QString hexOf(const QByteArray& b) { return QString::fromLatin1(b.toHex()); }

std::optional<QByteArray> hexField(const QJsonObject& o, const char* name, int size)
{
    const QByteArray text = o[name].toString().toLatin1();
    const QByteArray bytes = QByteArray::fromHex(text);
    if (!o[name].isString() || text.size() != 2 * bytes.size() || (size >= 0 && bytes.size() != size)) return std::nullopt;
    return bytes;
}

} // namespace

Keystore::~Keystore()
{
    OPENSSL_cleanse(passphrase_.data(), size_t(passphrase_.size()));
    for (auto& s : seeds_) OPENSSL_cleanse(s.data(), s.size());
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
    return QJsonDocument(QJsonObject{{"addresses", addressesJson()}, {"default", defaultAddress_}, {"kdf", kdfJson()}})
        .toJson(QJsonDocument::Compact);
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

std::optional<KeystoreAddress> Keystore::newAddress(const QString& label, KeystoreError* error)
{
    if (!unlocked()) return fail(error, KeystoreError::BadRequest, "the wallet is locked");
    if (label.size() > 64) return fail(error, KeystoreError::BadRequest, "a label has at most 64 characters");
    std::array<uint8_t, 32> seed;
    const QByteArray random = randomBytes(32);
    std::copy(random.begin(), random.end(), seed.begin());
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
    QByteArray plain;
    for (const auto& s : seeds_) plain.append(reinterpret_cast<const char*>(s.data()), 32);
    QByteArray tag;
    const auto sealed = gcm(true, keys, iv_, associatedData(), plain, &tag);
    OPENSSL_cleanse(plain.data(), size_t(plain.size()));
    if (!sealed) return failed(error, KeystoreError::Io, "AES-256-GCM encryption failed");
    check_ = checkValue(keys);
    tag_ = tag;
    ciphertext_ = *sealed;
    const QJsonObject file{
        {"format", kFormat},
        {"version", kVersion},
        {"addresses", addressesJson()},
        {"default", defaultAddress_},
        {"kdf", kdfJson()},
        {"check", hexOf(check_)},
        {"cipher", QJsonObject{{"name", "aes-256-gcm"}, {"iv", hexOf(iv_)}, {"tag", hexOf(tag_)}, {"ciphertext", hexOf(ciphertext_)}}},
    };
    QString message;
    switch (placePrivateFile(path_, QJsonDocument(file).toJson(QJsonDocument::Indented), replace, kWhat, &message)) {
    case Placed::Written: return true;
    case Placed::AlreadyExists: return failed(error, KeystoreError::AlreadyExists, QString("a wallet already exists at %1").arg(path_));
    case Placed::Failed: break;
    }
    return failed(error, KeystoreError::Io, message);
}

std::optional<Keystore> Keystore::parse(const QString& path, KeystoreError* error)
{
    if (!QFileInfo::exists(path))
        return fail(error, KeystoreError::NotFound, QString("no wallet at %1 (create one with `photoblocksd wallet create`)").arg(path));
    QString message;
    if (!checkPrivateFile(path, kWhat, &message)) return fail(error, KeystoreError::Permissions, message);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(error, KeystoreError::Io, QString("cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.read(kMaxFileBytes + 1);
    const auto corrupted = [&](const QString& why) {
        return fail(error, KeystoreError::Corrupted, QString("wallet file %1 is damaged: %2").arg(path, why));
    };
    if (bytes.size() > kMaxFileBytes) return corrupted("it is larger than any wallet");
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (!doc.isObject()) return corrupted(QString("not JSON (%1 at offset %2)").arg(parseError.errorString()).arg(parseError.offset));
    const QJsonObject o = doc.object();
    if (o["format"].toString() != kFormat) return corrupted("not a Photoblocks wallet");
    if (o["version"].toInt() != kVersion) return corrupted(QString("version %1; this program reads version %2").arg(o["version"].toInt()).arg(kVersion));

    Keystore k;
    k.path_ = path;
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

std::optional<Keystore> Keystore::readPublic(const QString& path, KeystoreError* error) { return parse(path, error); }

std::optional<Keystore> Keystore::open(const QString& path, const QByteArray& passphrase, KeystoreError* error)
{
    auto k = parse(path, error);
    if (!k) return std::nullopt;
    const QByteArray keys = deriveKeys(passphrase, k->salt_, k->cost_);
    if (keys.isEmpty())
        return fail(error, KeystoreError::Corrupted, QString("wallet file %1 is damaged: unusable scrypt parameters").arg(path));
    if (CRYPTO_memcmp(checkValue(keys).constData(), k->check_.constData(), 32) != 0)
        return fail(error, KeystoreError::WrongPassphrase, "wrong passphrase");
    QByteArray tag = k->tag_;
    auto plain = gcm(false, keys, k->iv_, k->associatedData(), k->ciphertext_, &tag);
    if (!plain || plain->size() != 32 * k->addresses_.size())
        return fail(error, KeystoreError::Corrupted,
                              QString("wallet file %1 is damaged: the passphrase is right but the encrypted keys or the "
                                      "address list were altered").arg(path));
    for (int i = 0; i < k->addresses_.size(); ++i) {
        std::array<uint8_t, 32> seed;
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

} // namespace pb::wallet
