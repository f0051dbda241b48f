#include "core/crypto/Ed25519.h"

#include "core/util/PrivateFile.h"

#include <QFile>
#include <QFileInfo>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace pb::crypto {

namespace {

struct PkeyFree {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
};
struct BioFree {
    void operator()(BIO* p) const { BIO_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
using BioPtr = std::unique_ptr<BIO, BioFree>;

// Keys are at most a few hundred bytes of PEM; anything much larger is not a key file.
constexpr qint64 kMaxKeyFileSize = 64 * 1024;

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

// The oldest queued OpenSSL error as text, and an empty queue afterwards so that it cannot
// be mistaken for a later failure elsewhere.
QString takeOpensslError()
{
    unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return QStringLiteral("unknown OpenSSL error");
    char buf[256];
    ERR_error_string_n(code, buf, sizeof buf);
    return QString::fromLatin1(buf);
}

// Refuses PEM pass-phrase prompts: OpenSSL's default would read one from the terminal.
int noPassphrase(char*, int, int, void*) { return -1; }

} // namespace

struct Ed25519Key::Impl {
    PkeyPtr pkey;
};

Ed25519Key::Ed25519Key(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
Ed25519Key::Ed25519Key(Ed25519Key&&) noexcept = default;
Ed25519Key& Ed25519Key::operator=(Ed25519Key&&) noexcept = default;
Ed25519Key::~Ed25519Key() = default;

Ed25519Key Ed25519Key::generate()
{
    PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    if (!key)
        throw std::runtime_error("Ed25519 key generation failed: " + takeOpensslError().toStdString());
    return Ed25519Key(std::make_unique<Impl>(Impl{std::move(key)}));
}

Ed25519Key Ed25519Key::fromRawPrivate(const std::array<uint8_t, 32>& seed)
{
    PkeyPtr key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size()));
    if (!key)
        throw std::runtime_error("Ed25519 private key import failed: " + takeOpensslError().toStdString());
    return Ed25519Key(std::make_unique<Impl>(Impl{std::move(key)}));
}

std::optional<Ed25519Key> Ed25519Key::loadFile(const QString& path, QString* error)
{
    if (!checkPrivateFile(path, "node key file", error))
        return std::nullopt;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(error, QStringLiteral("cannot read node key file %1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    QByteArray pem = file.read(kMaxKeyFileSize + 1);
    if (pem.size() > kMaxKeyFileSize) {
        fail(error, QStringLiteral("node key file %1 is too large to be a key file").arg(path));
        return std::nullopt;
    }
    if (!pem.contains("-----BEGIN ")) {
        fail(error, QStringLiteral("node key file %1 is not a PEM file").arg(path));
        return std::nullopt;
    }
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    PkeyPtr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr) : nullptr);
    OPENSSL_cleanse(pem.data(), size_t(pem.size()));
    // OpenSSL 3's decoders may queue errors from formats they tried even when one succeeds.
    const QString opensslError = key ? QString() : takeOpensslError();
    ERR_clear_error();
    if (!key) {
        fail(error, QStringLiteral("node key file %1 holds no readable private key: %2").arg(path, opensslError));
        return std::nullopt;
    }
    if (EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519) {
        fail(error, QStringLiteral("node key file %1 holds a %2 key, not Ed25519")
                        .arg(path, QString::fromLatin1(EVP_PKEY_get0_type_name(key.get()))));
        return std::nullopt;
    }
    return Ed25519Key(std::make_unique<Impl>(Impl{std::move(key)}));
}

std::optional<Ed25519Key> Ed25519Key::loadOrCreate(const QString& path, QString* error)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) == 0 || errno != ENOENT)
        return loadFile(path, error);
    Ed25519Key key = generate();
    QByteArray pem;
    if (!key.toPem(&pem, error))
        return std::nullopt;
    Placed placed = placePrivateFile(path, pem, false, "node key file", error);
    OPENSSL_cleanse(pem.data(), size_t(pem.size()));
    switch (placed) {
    case Placed::Written:
        return key;
    case Placed::AlreadyExists:
        return loadFile(path, error);
    case Placed::Failed:
        break;
    }
    return std::nullopt;
}

bool Ed25519Key::saveFile(const QString& path, QString* error) const
{
    QByteArray pem;
    if (!toPem(&pem, error))
        return false;
    Placed placed = placePrivateFile(path, pem, true, "node key file", error);
    OPENSSL_cleanse(pem.data(), size_t(pem.size()));
    return placed == Placed::Written;
}

bool Ed25519Key::toPem(QByteArray* pem, QString* error) const
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), d->pkey.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return fail(error, QStringLiteral("cannot encode the node key: %1").arg(takeOpensslError()));
    char* data = nullptr;
    long size = BIO_get_mem_data(bio.get(), &data);
    *pem = QByteArray(data, int(size));
    OPENSSL_cleanse(data, size_t(size));
    return true;
}

PublicKey Ed25519Key::publicKey() const
{
    PublicKey pub;
    size_t size = pub.size();
    if (EVP_PKEY_get_raw_public_key(d->pkey.get(), pub.data(), &size) != 1 || size != pub.size())
        throw std::runtime_error("Ed25519 public key export failed: " + takeOpensslError().toStdString());
    return pub;
}

Signature Ed25519Key::sign(const uint8_t* msg, size_t size) const
{
    Signature sig;
    size_t sigSize = sig.size();
    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, d->pkey.get()) != 1
        || EVP_DigestSign(ctx.get(), sig.data(), &sigSize, msg, size) != 1 || sigSize != sig.size())
        throw std::runtime_error("Ed25519 signing failed: " + takeOpensslError().toStdString());
    return sig;
}

void releaseThreadState() { OPENSSL_thread_stop(); }

bool ed25519Verify(const PublicKey& key, const uint8_t* msg, size_t size, const Signature& sig)
{
    PkeyPtr pkey(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, key.data(), key.size()));
    MdCtxPtr ctx(EVP_MD_CTX_new());
    bool ok = pkey && ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) == 1
        && EVP_DigestVerify(ctx.get(), sig.data(), sig.size(), msg, size) == 1;
    // A bad signature leaves an error on the thread's queue; it is an answer, not a fault.
    ERR_clear_error();
    return ok;
}

} // namespace pb::crypto
