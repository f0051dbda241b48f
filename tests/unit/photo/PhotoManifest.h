#pragma once
// Reads tests/data/photo_labels.json: Debian-shipped photos and the labels they truly show.
// Shared by the recognizer tests (the photos of packages scripts/common.sh installs) and
// bench_recognizer (those and the evaluation-only photos of further packages).
#include "core/util/Bytes.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pb::photo::manifest {

struct LabelledPhoto {
    QString file;
    std::set<std::string> labels;
    QString package;  // the Debian package that ships it
};

struct Manifest {
    std::vector<LabelledPhoto> photos;
    QString error;  // empty when the manifest was read
};

// tests/data/photo_labels.json in the source tree: $PB_SOURCE_DIR (ctest sets it), else the
// directory compiled in.
inline QString manifestPath(const QString& compiledSourceDir)
{
    return qEnvironmentVariable("PB_SOURCE_DIR", compiledSourceDir) + "/tests/data/photo_labels.json";
}

enum class Scope {
    TestPhotos,         // "photos": what the tests check
    WithEvaluationOnly  // and "evaluation_only": what bench_recognizer measures besides
};

inline Manifest readManifest(const QString& path, Scope scope = Scope::TestPhotos)
{
    Manifest manifest;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        manifest.error = "cannot read the photo manifest " + path;
        return manifest;
    }
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject packages = root.value("packages").toObject();
    QJsonArray entries = root.value("photos").toArray();
    if (scope == Scope::WithEvaluationOnly)
        for (const QJsonValue& entry : root.value("evaluation_only").toArray()) entries.append(entry);
    for (const QJsonValue& entry : entries) {
        LabelledPhoto photo;
        photo.file = entry.toObject().value("file").toString();
        for (const QJsonValue& label : entry.toObject().value("labels").toArray())
            photo.labels.insert(label.toString().toStdString());
        for (auto it = packages.begin(); it != packages.end(); ++it)
            if (photo.file.startsWith(it.key()))
                photo.package = it.value().toString();
        manifest.photos.push_back(photo);
    }
    if (manifest.photos.empty())
        manifest.error = "the photo manifest " + path + " lists no photos";
    return manifest;
}

// What a benchmark measures: the manifest its command line names (argv[1] when given and not
// empty, else `defaultPath`), test and evaluation-only photos; nothing, after saying why on
// stderr, when it cannot be read.
inline std::optional<Manifest> readBenchManifest(int argc, char** argv, const QString& defaultPath)
{
    Manifest manifest = readManifest(argc > 1 && argv[1][0] ? QString(argv[1]) : defaultPath, Scope::WithEvaluationOnly);
    if (manifest.error.isEmpty()) return manifest;
    std::fprintf(stderr, "%s\n", qPrintable(manifest.error));
    return std::nullopt;
}

// The photo's bytes; empty with `error` naming the package to install when it is missing.
inline Bytes readPhoto(const LabelledPhoto& photo, QString* error)
{
    QFile file(photo.file);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = "missing photo " + photo.file + ": install the Debian package " + photo.package;
        return {};
    }
    const QByteArray data = file.readAll();
    return Bytes(data.begin(), data.end());
}

} // namespace pb::photo::manifest
