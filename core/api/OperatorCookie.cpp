#include "core/api/OperatorCookie.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSaveFile>

namespace pb::api {

namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOthers = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                                             | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

std::optional<QByteArray> firstLine(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QString("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray line = file.readLine(4096).trimmed();
    if (line.isEmpty()) {
        *error = QString("%1 holds no token").arg(path);
        return std::nullopt;
    }
    return line;
}

} // namespace

OperatorCookie::~OperatorCookie()
{
    if (written_) QFile::remove(path_);
}

bool OperatorCookie::create(QString* error)
{
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    token_ = "pbo_" + raw.toHex();
    QSaveFile file(path_);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(kOwnerOnly) || file.write(token_ + "\n") < 0 || !file.commit()) {
        *error = QString("cannot write the operator cookie %1: %2").arg(path_, file.errorString());
        token_.clear();
        return false;
    }
    written_ = true;
    return true;
}

std::optional<QByteArray> OperatorCookie::read(const QString& path, QString* error) { return firstLine(path, error); }

std::optional<QByteArray> readOperatorTokenFile(const QString& path, QString* error)
{
    if (QFile::exists(path) && (QFile::permissions(path) & kOthers)) {
        *error = QString("%1 may be read or written by others: chmod 600 it").arg(path);
        return std::nullopt;
    }
    const auto token = firstLine(path, error);
    if (token && token->size() < kMinFixedTokenLength) {
        *error = QString("the token in %1 has %2 characters; use at least %3 random ones (e.g. openssl rand -hex 32)")
                     .arg(path).arg(token->size()).arg(kMinFixedTokenLength);
        return std::nullopt;
    }
    return token;
}

} // namespace pb::api
