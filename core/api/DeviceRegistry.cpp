#include "core/api/DeviceRegistry.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSaveFile>

namespace pb::api {

namespace {

const QString kFormat = "photoblocks-devices/1";
const QString kCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

QString tokenHash(const QString& token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    return QString::fromLatin1(raw.toHex());
}

} // namespace

QString DeviceRegistry::normalisedCode(const QString& code)
{
    QString plain = code.toUpper();
    plain.remove('-');
    plain.remove(' ');
    return plain;
}

bool DeviceRegistry::load(QString* error)
{
    const std::lock_guard lock(mutex_);
    byTokenHash_.clear();
    QFile file(file_);
    if (!file.exists()) return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QString("cannot read %1: %2").arg(file_, file.errorString());
        return false;
    }
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value("format").toString() != kFormat || !root.value("devices").isArray()) {
        *error = QString("%1 is not a %2 file; move it away to start with no paired devices").arg(file_, kFormat);
        return false;
    }
    for (const QJsonValue& value : root.value("devices").toArray()) {
        const QJsonObject o = value.toObject();
        const QString hash = o.value("tokenSha256").toString();
        PairedDevice device{o.value("id").toString(), o.value("name").toString(), o.value("pairedAt").toInteger()};
        if (hash.size() != 64 || device.id.size() != 16) {
            *error = QString("%1 has a damaged device entry; move the file away to start with no paired devices").arg(file_);
            return false;
        }
        byTokenHash_[hash] = device;
    }
    return true;
}

bool DeviceRegistry::save(QString* error) const
{
    QJsonArray devices;
    for (const auto& [hash, device] : byTokenHash_)
        devices.append(QJsonObject{{"id", device.id}, {"name", device.name}, {"pairedAt", device.pairedAt}, {"tokenSha256", hash}});
    QSaveFile file(file_);
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(QJsonDocument(QJsonObject{{"format", kFormat}, {"devices", devices}}).toJson()) < 0
        || !file.commit()) {
        *error = QString("cannot write %1: %2").arg(file_, file.errorString());
        return false;
    }
    return true;
}

PairingCode DeviceRegistry::issueCode(qint64 nowSeconds)
{
    const std::lock_guard lock(mutex_);
    for (auto it = openCodes_.begin(); it != openCodes_.end();)
        it = it->second.expiresAt <= nowSeconds ? openCodes_.erase(it) : std::next(it);
    // The oldest open code gives way, so a forgotten code never blocks new ones.
    while (openCodes_.size() >= kMaxOpenCodes) {
        auto oldest = openCodes_.begin();
        for (auto it = openCodes_.begin(); it != openCodes_.end(); ++it)
            if (it->second.expiresAt < oldest->second.expiresAt) oldest = it;
        openCodes_.erase(oldest);
    }
    QString code;
    for (int i = 0; i < 8; ++i) code += kCodeAlphabet[int(QRandomGenerator::system()->bounded(quint32(kCodeAlphabet.size())))];
    openCodes_[code] = OpenCode{nowSeconds + kCodeLifetimeSeconds, 0};
    return {code.left(4) + '-' + code.mid(4), nowSeconds + kCodeLifetimeSeconds};
}

PairingOutcome DeviceRegistry::pair(const QString& code, const QString& name, qint64 nowSeconds)
{
    const std::lock_guard lock(mutex_);
    PairingOutcome outcome;
    const auto it = openCodes_.find(normalisedCode(code));
    if (it == openCodes_.end() || it->second.expiresAt <= nowSeconds) {
        for (auto open = openCodes_.begin(); open != openCodes_.end();)
            open = ++open->second.wrongGuesses >= kMaxWrongGuesses ? openCodes_.erase(open) : std::next(open);
        outcome.refusal = PairingOutcome::Refusal::BadCode;
        outcome.error = QString("the pairing code is unknown, used or expired (or was dropped after %1 wrong guesses); "
                                "ask the node for a new one").arg(kMaxWrongGuesses);
        return outcome;
    }
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > kMaxNameLength) {
        outcome.refusal = PairingOutcome::Refusal::BadName;
        outcome.error = QString("the device name must have 1 to %1 characters").arg(kMaxNameLength);
        return outcome;
    }
    PairedDevice device{randomHex(8), trimmed, nowSeconds};
    outcome.token = "pbt_" + randomHex(32);
    byTokenHash_[tokenHash(outcome.token)] = device;
    QString error;
    if (!save(&error)) {
        byTokenHash_.erase(tokenHash(outcome.token));
        outcome.token.clear();
        outcome.refusal = PairingOutcome::Refusal::StorageFailed;
        outcome.error = error;
        return outcome;
    }
    openCodes_.erase(it);
    outcome.device = device;
    return outcome;
}

std::optional<PairedDevice> DeviceRegistry::authenticate(const QString& token) const
{
    const std::lock_guard lock(mutex_);
    const auto it = byTokenHash_.find(tokenHash(token));
    if (it == byTokenHash_.end()) return std::nullopt;
    return it->second;
}

std::vector<PairedDevice> DeviceRegistry::devices() const
{
    const std::lock_guard lock(mutex_);
    std::vector<PairedDevice> list;
    for (const auto& [hash, device] : byTokenHash_) list.push_back(device);
    std::sort(list.begin(), list.end(), [](const PairedDevice& a, const PairedDevice& b) { return a.pairedAt < b.pairedAt; });
    return list;
}

bool DeviceRegistry::revoke(const QString& id, QString* error)
{
    const std::lock_guard lock(mutex_);
    for (auto it = byTokenHash_.begin(); it != byTokenHash_.end(); ++it) {
        if (it->second.id != id) continue;
        const auto removed = *it;
        byTokenHash_.erase(it);
        if (save(error)) return true;
        byTokenHash_.insert(removed);
        return true;
    }
    return false;
}

} // namespace pb::api
