#pragma once
// The phone web client (resources/web, compiled in under :/web): which URL paths serve which
// file, with its media type and an ETag. Browsers are told to revalidate every time
// (no-cache) and get 304 while the node's copy is unchanged, so a phone always runs the
// client of the node it talks to and loads it from the LAN alone.
#include <QByteArray>
#include <QString>
#include <QStringList>

#include <map>

namespace pb::api {

struct WebClientFile {
    QByteArray contentType;
    QByteArray body;
    QByteArray etag;  // quoted SHA-256 prefix of the body
};

class WebClientFiles {
public:
    // Reads every file once; the resources are part of the binary and never change.
    WebClientFiles();

    // The URL paths served ("/" is index.html).
    QStringList paths() const;
    const WebClientFile* find(const QString& urlPath) const;
    // Content-Security-Policy for every file: scripts, styles and API calls from this origin
    // only; photos previewed from blob: URLs.
    static const QByteArray kContentSecurityPolicy;

private:
    std::map<QString, WebClientFile> files_;
};

} // namespace pb::api
