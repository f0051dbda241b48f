#pragma once
// The operator's secret, like bitcoind's .cookie: at every start the node writes a fresh random
// token to <datadir>/api.cookie (mode 0600) and removes it at shutdown. The operator routes
// (peers, bans, pairing, devices, mining control) want it as `Authorization: Bearer <token>`,
// from this machine too, so a web page in the operator's browser, which cannot read the file,
// cannot use them. Whoever can read the data directory is the operator: the CLI clients read it.
#include <QByteArray>
#include <QString>
#include <optional>

namespace pb::api {

inline QString operatorCookiePath(const QString& dataDir) { return dataDir + "/api.cookie"; }

class OperatorCookie {
public:
    explicit OperatorCookie(QString path) : path_(std::move(path)) {}
    ~OperatorCookie();  // removes the file it wrote
    OperatorCookie(const OperatorCookie&) = delete;
    OperatorCookie& operator=(const OperatorCookie&) = delete;

    // Writes a fresh random token; false with *error when the file cannot be written.
    bool create(QString* error);
    const QByteArray& token() const { return token_; }

    // The token in a cookie file (its first line); nullopt with *error naming the file.
    static std::optional<QByteArray> read(const QString& path, QString* error);

private:
    const QString path_;
    QByteArray token_;
    bool written_ = false;
};

// A fixed operator token from --rest-operator-token-file, for a remote operator over HTTPS: the
// file's first line, at least kMinFixedTokenLength characters, in a file no one but its owner
// may read or write.
constexpr qsizetype kMinFixedTokenLength = 32;
std::optional<QByteArray> readOperatorTokenFile(const QString& path, QString* error);

} // namespace pb::api
