#pragma once
// Content-addressed photo files: <datadir>/photos/<first 2 hex digits>/<sha256 hex>.
//
// A photo is on disk for good before put() returns, so a block that references it can be
// committed right after. Reads verify the content against its name, so a damaged file is
// reported and never served.
#include "core/util/Bytes.h"

#include <QString>

#include <optional>

namespace pb::storage {

class PhotoStore {
public:
    explicit PhotoStore(const QString& dataDir);

    // Writes durably (temporary file, fsync, rename, fsync of the directory) and returns the
    // content's SHA-256. Storing the same content again is a cheap no-op; a damaged copy is
    // replaced.
    std::optional<Hash256> put(const Bytes& content, QString* error = nullptr);
    // The content, or nullopt with the reason: missing, unreadable, or corrupt (does not hash
    // to its name).
    std::optional<Bytes> get(const Hash256& hash, QString* error = nullptr) const;
    // Whether a file exists for the hash; its content is checked only by get().
    bool contains(const Hash256& hash) const;
    // True when no file for the hash remains (including when there was none).
    bool remove(const Hash256& hash, QString* error = nullptr);

    QString rootDir() const { return root_; }
    QString pathFor(const Hash256& hash) const;

private:
    bool store(const Hash256& hash, const Bytes& content, QString* error) const;

    QString root_;
};

} // namespace pb::storage
