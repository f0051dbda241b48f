#pragma once
// Small JPEG previews of stored photos, made once (through core/photo/Thumbnail) and kept as
// files in <datadir>/thumbnails so the explorer and the API never decode a photo twice.
// Thread-safe: each file is written whole and then renamed.
#include <QByteArray>
#include <QString>
#include <functional>
#include <optional>

namespace pb::node {

class ThumbnailCache {
public:
    ThumbnailCache(QString directory, int side) : directory_(std::move(directory)), side_(side) {}

    // The thumbnail of the photo with this hash (64 hex digits), made from `original` (called
    // only when none is cached); nullopt when there is no such photo or it cannot be decoded.
    std::optional<QByteArray> thumbnail(const QString& photoHash, const std::function<std::optional<QByteArray>()>& original) const;

private:
    const QString directory_;
    const int side_;
};

} // namespace pb::node
