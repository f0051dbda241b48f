#pragma once
// Named recipients (addressbook.json in the data directory, owner-only, replaced atomically):
// Send picks from them and saves new ones. Names are unique (case-insensitive), at most 64
// characters; addresses are valid; at most 1000 entries, so the file stays small.
#include <QList>
#include <QString>

#include <optional>

namespace pb::wallet {

struct Contact {
    QString name;
    QString address;
};

class AddressBook {
public:
    static constexpr int kMaxEntries = 1000;
    static constexpr int kMaxName = 64;
    static QString fileIn(const QString& dataDir) { return dataDir + "/addressbook.json"; }

    // An absent file is an empty book; a damaged one is refused with why.
    static std::optional<AddressBook> load(const QString& path, QString* error);

    const QList<Contact>& contacts() const { return contacts_; }
    std::optional<Contact> byName(const QString& name) const;
    std::optional<Contact> byAddress(const QString& address) const;
    // Adds, or renames / re-points the entry of the same name; written at once.
    bool save(const Contact& contact, QString* error);
    bool remove(const QString& name, QString* error);

private:
    bool write(QString* error) const;
    QString path_;
    QList<Contact> contacts_;
};

} // namespace pb::wallet
