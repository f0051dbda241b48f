#include "core/api/WebClientFiles.h"

#include <QCryptographicHash>
#include <QFile>

namespace pb::api {

namespace {

struct Served {
    const char* urlPath;
    const char* resource;
    const char* contentType;
};

constexpr Served kServed[] = {
    {"/", ":/web/index.html", "text/html; charset=utf-8"},
    {"/app.js", ":/web/app.js", "text/javascript; charset=utf-8"},
    {"/api.js", ":/web/api.js", "text/javascript; charset=utf-8"},
    {"/wallet.js", ":/web/wallet.js", "text/javascript; charset=utf-8"},
    {"/i18n.js", ":/web/i18n.js", "text/javascript; charset=utf-8"},
    {"/payments.js", ":/web/payments.js", "text/javascript; charset=utf-8"},
    {"/style.css", ":/web/style.css", "text/css; charset=utf-8"},
    {"/manifest.webmanifest", ":/web/manifest.webmanifest", "application/manifest+json"},
    {"/icon.svg", ":/web/icon.svg", "image/svg+xml"},
};

} // namespace

const QByteArray WebClientFiles::kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; manifest-src 'self'; "
    "img-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

WebClientFiles::WebClientFiles()
{
    for (const Served& served : kServed) {
        QFile file(served.resource);
        // The files are compiled in: a missing one is a broken build (the browser test fails
        // on the 404), not a reason to stop the node.
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("web client resource %s is missing from this build", served.resource);
            continue;
        }
        WebClientFile& entry = files_[served.urlPath];
        entry.contentType = served.contentType;
        entry.body = file.readAll();
        entry.etag = "\"" + QCryptographicHash::hash(entry.body, QCryptographicHash::Sha256).toHex().left(32) + "\"";
    }
}

QStringList WebClientFiles::paths() const
{
    QStringList paths;
    for (const auto& [path, file] : files_) paths.append(path);
    return paths;
}

const WebClientFile* WebClientFiles::find(const QString& urlPath) const
{
    const auto it = files_.find(urlPath);
    return it == files_.end() ? nullptr : &it->second;
}

} // namespace pb::api
