#include "core/util/PrivateFile.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pb {

namespace {

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

QString errnoText(int code = errno) { return QString::fromLocal8Bit(std::strerror(code)); }

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

} // namespace

Placed placePrivateFile(const QString& path, const QByteArray& bytes, bool replace, const QString& what, QString* error)
{
    const QByteArray target = QFile::encodeName(path);
    QByteArray tmp = target + ".tmp-XXXXXX";
    int fd = ::mkstemp(tmp.data());
    if (fd < 0) {
        fail(error, QStringLiteral("cannot create %1 %2: %3").arg(what, path, errnoText()));
        return Placed::Failed;
    }
    bool ok = ::fchmod(fd, 0600) == 0 && writeAll(fd, bytes.constData(), size_t(bytes.size())) && ::fsync(fd) == 0;
    int writeErrno = errno;
    if (::close(fd) != 0 && ok) {
        ok = false;
        writeErrno = errno;
    }
    if (!ok) {
        fail(error, QStringLiteral("cannot write %1 %2: %3").arg(what, path, errnoText(writeErrno)));
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
        fail(error, QStringLiteral("cannot move %1 into place at %2: %3").arg(what, path, errnoText(moveErrno)));
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

bool checkPrivateFile(const QString& path, const QString& what, QString* error)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return fail(error, errno == ENOENT ? QStringLiteral("%1 %2 does not exist").arg(what, path)
                                           : QStringLiteral("cannot access %1 %2: %3").arg(what, path, errnoText()));
    if (!S_ISREG(st.st_mode))
        return fail(error, QStringLiteral("%1 %2 is not a regular file").arg(what, path));
    if (st.st_mode & 077) {
        const QString mode = QString::number(st.st_mode & 0777, 8).rightJustified(4, QLatin1Char('0'));
        return fail(error, QStringLiteral("%1 %2 is accessible by other users (mode %3); run chmod 600 %2").arg(what, path, mode));
    }
    return true;
}

} // namespace pb
