#include "core/storage/PhotoStore.h"

#include "core/util/HexText.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <openssl/evp.h>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace pb::storage {

namespace {

QString errnoText(int error)
{
    return QString::fromStdString(std::generic_category().message(error));
}

std::optional<Hash256> sha256(const Bytes& content)
{
    Hash256 digest;
    unsigned int size = 0;
    if (EVP_Digest(content.data(), content.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1
        || size != digest.size())
        return std::nullopt;
    return digest;
}

class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor()
    {
        const int savedErrno = errno; // callers report the errno of the call that failed
        close();
        errno = savedErrno;
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }
    bool valid() const { return fd_ >= 0; }
    // close(2) can report a failed delayed write, so a writer must look at the result.
    bool close()
    {
        const int fd = fd_;
        fd_ = -1;
        return fd < 0 || ::close(fd) == 0;
    }

private:
    int fd_;
};

bool syncDirectory(const QString& dir, QString* error)
{
    FileDescriptor fd(::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd.valid() || ::fsync(fd.get()) != 0) {
        *error = QStringLiteral("cannot sync directory %1: %2").arg(dir, errnoText(errno));
        return false;
    }
    return true;
}

// Creates dir and missing parents if needed; a new directory's entry is synced in its parent so
// it survives a crash.
bool ensureDirectory(const QString& dir, QString* error)
{
    if (::mkdir(QFile::encodeName(dir).constData(), 0755) == 0)
        return syncDirectory(QFileInfo(dir).path(), error);
    if (errno == EEXIST && QFileInfo(dir).isDir()) return true;
    const QString parent = QFileInfo(dir).path();
    if (errno == ENOENT && parent != dir) {
        if (!ensureDirectory(parent, error)) return false;
        if (::mkdir(QFile::encodeName(dir).constData(), 0755) == 0) return syncDirectory(parent, error);
        if (errno == EEXIST && QFileInfo(dir).isDir()) return true;
    }
    *error = QStringLiteral("cannot create directory %1: %2").arg(dir, errnoText(errno));
    return false;
}

bool writeAll(int fd, const uint8_t* data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        size -= size_t(n);
    }
    return true;
}

// The whole file, or nullopt with errno set.
std::optional<Bytes> readAll(const QString& path)
{
    FileDescriptor fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC));
    struct stat info;
    if (!fd.valid() || ::fstat(fd.get(), &info) != 0) return std::nullopt;
    Bytes content(size_t(info.st_size));
    size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::read(fd.get(), content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return std::nullopt;
        if (n == 0) break; // shrank while we read: the hash check will reject it
        done += size_t(n);
    }
    content.resize(done);
    return content;
}

bool writeDurably(const QString& path, const Bytes& content, QString* error)
{
    const QString temp = QStringLiteral("%1.tmp-%2").arg(path).arg(QRandomGenerator::global()->generate64(), 0, 16);
    const QByteArray tempName = QFile::encodeName(temp);
    FileDescriptor fd(::open(tempName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
    const bool written = fd.valid() && writeAll(fd.get(), content.data(), content.size())
        && ::fsync(fd.get()) == 0 && fd.close()
        && ::rename(tempName.constData(), QFile::encodeName(path).constData()) == 0;
    if (!written) {
        *error = QStringLiteral("cannot write photo file %1: %2").arg(temp, errnoText(errno));
        ::unlink(tempName.constData());
        return false;
    }
    return syncDirectory(QFileInfo(path).path(), error);
}

} // namespace

PhotoStore::PhotoStore(const QString& dataDir)
    : root_(QDir(dataDir).absoluteFilePath(QStringLiteral("photos")))
{
}

QString PhotoStore::pathFor(const Hash256& hash) const
{
    const QString hex = hexText(hash);
    return QStringLiteral("%1/%2/%3").arg(root_, hex.left(2), hex);
}

std::optional<Hash256> PhotoStore::put(const Bytes& content, QString* error)
{
    QString why;
    const std::optional<Hash256> hash = sha256(content);
    if (!hash)
        why = QStringLiteral("SHA-256 computation failed");
    else if (store(*hash, content, &why))
        return hash;
    if (error) *error = why;
    return std::nullopt;
}

bool PhotoStore::store(const Hash256& hash, const Bytes& content, QString* error) const
{
    const QString path = pathFor(hash);
    const QString shard = QFileInfo(path).path();
    if (!ensureDirectory(root_, error) || !ensureDirectory(shard, error)) return false;
    const std::optional<Bytes> existing = readAll(path);
    // Already stored; sync anyway, as an earlier put may have failed after its rename.
    if (existing && sha256(*existing) == hash) return syncDirectory(shard, error);
    return writeDurably(path, content, error);
}

std::optional<Bytes> PhotoStore::get(const Hash256& hash, QString* error) const
{
    const QString path = pathFor(hash);
    std::optional<Bytes> content = readAll(path);
    QString why;
    if (!content) {
        why = errno == ENOENT ? QStringLiteral("no photo %1 in %2").arg(hexText(hash), root_)
                              : QStringLiteral("cannot read photo file %1: %2").arg(path, errnoText(errno));
    } else if (const std::optional<Hash256> actual = sha256(*content); actual != hash) {
        why = QStringLiteral("photo file %1 is corrupt: its content hashes to %2")
                  .arg(path, actual ? hexText(*actual) : QStringLiteral("nothing (SHA-256 failed)"));
        content.reset();
    }
    if (!content && error) *error = why;
    return content;
}

bool PhotoStore::contains(const Hash256& hash) const
{
    return QFileInfo::exists(pathFor(hash));
}

bool PhotoStore::remove(const Hash256& hash, QString* error)
{
    const QString path = pathFor(hash);
    if (::unlink(QFile::encodeName(path).constData()) == 0 || errno == ENOENT) return true;
    if (error) *error = QStringLiteral("cannot remove photo file %1: %2").arg(path, errnoText(errno));
    return false;
}

} // namespace pb::storage
