#include "core/wallet/AddressBook.h"

#include "core/crypto/Address.h"
#include "core/util/PrivateFile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pb::wallet {

namespace {

constexpr qint64 kMaxFileBytes = 512 * 1024;

bool refuse(QString* error, const QString& why)
{
    if (error) *error = why;
    return false;
}

QString problemWith(const Contact& c)
{
    if (c.name.trimmed().isEmpty()) return "a contact needs a name";
    if (c.name.size() > AddressBook::kMaxName) return QString("a contact's name has at most %1 characters").arg(AddressBook::kMaxName);
    if (!crypto::decodeAddress(c.address.toStdString())) return QString("'%1' is not a valid Photoblocks address").arg(c.address.left(100));
    return {};
}

} // namespace

std::optional<AddressBook> AddressBook::load(const QString& path, QString* error)
{
    AddressBook book;
    book.path_ = path;
    if (!QFileInfo::exists(path)) return book;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        refuse(error, QString("cannot read %1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    const QByteArray bytes = file.read(kMaxFileBytes + 1);
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (bytes.size() > kMaxFileBytes || !doc.isObject() || !doc.object()["contacts"].isArray()) {
        refuse(error, QString("address book %1 is damaged: not an address book").arg(path));
        return std::nullopt;
    }
    for (const QJsonValue& v : doc.object()["contacts"].toArray()) {
        const Contact c{v.toObject()["name"].toString(), v.toObject()["address"].toString()};
        const QString problem = problemWith(c);
        if (!problem.isEmpty() || book.byName(c.name) || book.contacts_.size() >= kMaxEntries) {
            refuse(error, QString("address book %1 is damaged: %2").arg(path, problem.isEmpty() ? "duplicate or too many entries" : problem));
            return std::nullopt;
        }
        book.contacts_.append(c);
    }
    return book;
}

std::optional<Contact> AddressBook::byName(const QString& name) const
{
    for (const Contact& c : contacts_)
        if (c.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0) return c;
    return std::nullopt;
}

std::optional<Contact> AddressBook::byAddress(const QString& address) const
{
    for (const Contact& c : contacts_)
        if (c.address == address) return c;
    return std::nullopt;
}

bool AddressBook::save(const Contact& input, QString* error)
{
    const Contact contact{input.name.trimmed(), input.address.trimmed()};
    const QString problem = problemWith(contact);
    if (!problem.isEmpty()) return refuse(error, problem);
    const QList<Contact> before = contacts_;
    auto same = std::find_if(contacts_.begin(), contacts_.end(),
                             [&](const Contact& c) { return c.name.compare(contact.name, Qt::CaseInsensitive) == 0; });
    if (same != contacts_.end()) {
        *same = contact;
    } else {
        if (contacts_.size() >= kMaxEntries) return refuse(error, QString("the address book holds at most %1 contacts").arg(kMaxEntries));
        contacts_.append(contact);
    }
    if (write(error)) return true;
    contacts_ = before;
    return false;
}

bool AddressBook::remove(const QString& name, QString* error)
{
    const QList<Contact> before = contacts_;
    contacts_.removeIf([&](const Contact& c) { return c.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0; });
    if (contacts_.size() == before.size()) return refuse(error, QString("no contact named '%1'").arg(name.left(kMaxName)));
    if (write(error)) return true;
    contacts_ = before;
    return false;
}

bool AddressBook::write(QString* error) const
{
    QJsonArray list;
    for (const Contact& c : contacts_) list.append(QJsonObject{{"name", c.name}, {"address", c.address}});
    QString message;
    const QByteArray bytes = QJsonDocument(QJsonObject{{"contacts", list}}).toJson(QJsonDocument::Indented);
    if (placePrivateFile(path_, bytes, true, "address book", &message) == Placed::Written) return true;
    return refuse(error, message);
}

} // namespace pb::wallet
