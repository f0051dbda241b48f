#include "core/crypto/Ed25519.h"

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

QString errnoText(int code = errno) { return QString::fromLocal8Bit(std::strerror(code)); }

// Refuses PEM pass-phrase prompts: OpenSSL's default would read one from the terminal.
int noPassphrase(char*, int, int, void*) { return -1; }

bool writeAll(int fd, const char* data, size_t size)
{
    while (size > 0) {
        ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= size_t(n);
    }
    return true;
}

// Writes `pem` next to `path` in a fresh 0600 file, flushes it to disk and moves it into place.
// With `replace` false an existing file wins (link() refuses to overwrite), so two processes
// creating a key at once cannot end up with different identities.
enum class Placed { Written, AlreadyExists, Failed };
Placed placeKeyFile(const QString& path, const QByteArray& pem, bool replace, QString* error)
{
    const QByteArray target = QFile::encodeName(path);
    QByteArray tmp = target + ".tmp-XXXXXX";
    int fd = ::mkstemp(tmp.data());
    if (fd < 0) {
        fail(error, QStringLiteral("cannot create node key file %1: %2").arg(path, errnoText()));
        return Placed::Failed;
    }
    bool ok = ::fchmod(fd, 0600) == 0 && writeAll(fd, pem.constData(), size_t(pem.size())) && ::fsync(fd) == 0;
    int writeErrno = errno;
    if (::close(fd) != 0 && ok) {
        ok = false;
        writeErrno = errno;
    }
    if (!ok) {
        fail(error, QStringLiteral("cannot write node key file %1: %2").arg(path, errnoText(writeErrno)));
        ::unlink(tmp.constData());
        return Placed::Failed;
    }
    int moveErrno = 0;
    if ((replace ? ::rename(tmp.constData(), target.constData()) : ::link(tmp.constData(), target.constData())) != 0)
        moveErrno = errno;
    if (!replace || moveErrno != 0)
        ::unlink(tmp.constData());
    if (!replace && moveErrno == EEXIST)
        return Placed::AlreadyExists;
    if (moveErrno != 0) {
        fail(error, QStringLiteral("cannot move node key file into place at %1: %2")
                        .arg(path, errnoText(moveErrno)));
        return Placed::Failed;
    }
    // The new directory entry is durable only once the directory itself is synced.
    int dir = ::open(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return Placed::Written;
}

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
    const QByteArray name = QFile::encodeName(path);
    struct stat st;
    if (::stat(name.constData(), &st) != 0) {
        fail(error, errno == ENOENT ? QStringLiteral("node key file %1 does not exist").arg(path)
                                    : QStringLiteral("cannot access node key file %1: %2").arg(path, errnoText()));
        return std::nullopt;
    }
    if (!S_ISREG(st.st_mode)) {
        fail(error, QStringLiteral("node key file %1 is not a regular file").arg(path));
        return std::nullopt;
    }
    if (st.st_mode & 077) {
        const QString mode = QString::number(st.st_mode & 0777, 8).rightJustified(4, QLatin1Char('0'));
        fail(error, QStringLiteral("node key file %1 is accessible by other users (mode %2); run chmod 600 %1")
                        .arg(path, mode));
        return std::nullopt;
    }
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
    Placed placed = placeKeyFile(path, pem, false, error);
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
    Placed placed = placeKeyFile(path, pem, true, error);
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
