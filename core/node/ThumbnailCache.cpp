#include "core/node/ThumbnailCache.h"

#include "core/photo/Thumbnail.h"
#include "core/util/Bytes.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace pb::node {

std::optional<QByteArray> ThumbnailCache::thumbnail(const QString& photoHash,
                                                    const std::function<std::optional<QByteArray>()>& original) const
{
    // The hash names a file: nothing but a well-formed hash may reach the path.
    if (!hashFromHex(photoHash.toStdString())) return std::nullopt;
    const QString cached = directory_ + "/" + photoHash + ".jpg";
    if (QFile file(cached); file.open(QIODevice::ReadOnly)) return file.readAll();
    const auto photo = original();
    if (!photo) return std::nullopt;
    std::string error;
    const auto small = photo::makeThumbnail(Bytes(photo->begin(), photo->end()), side_, &error);
    if (!small) return std::nullopt;
    const QByteArray bytes(reinterpret_cast<const char*>(small->data()), qsizetype(small->size()));
    // Written whole then renamed, so a concurrent reader never sees half a file.
    QDir().mkpath(directory_);
    QSaveFile out(cached);
    if (out.open(QIODevice::WriteOnly)) {
        out.write(bytes);
        out.commit();
    }
    return bytes;
}

} // namespace pb::node
