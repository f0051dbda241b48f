#include "core/node/PhotoFolder.h"

#include "core/crypto/Sha256.h"
#include "core/util/Bytes.h"
#include "core/util/HexText.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace pb {

PhotoFolder::PhotoFolder(Node& node, QString directory, LogSink log, QObject* parent)
    : QObject(parent), node_(node), directory_(std::move(directory)), log_(std::move(log)), timer_(this)
{
    timer_.setInterval(kScanMs);
    connect(&timer_, &QTimer::timeout, this, &PhotoFolder::scan);
}

bool PhotoFolder::start(QString* error)
{
    const QFileInfo info(directory_);
    if (!info.isDir() || !info.isReadable()) {
        if (error) *error = QString("--photos: %1 is not a readable directory").arg(directory_);
        return false;
    }
    // Photos already queued in an earlier run are recognised by their hash and skipped.
    timer_.start();
    scan();
    return true;
}

std::pair<QString, QString> PhotoFolder::labelAndVoteFor(const QString& photoPath)
{
    QFile sidecar(photoPath + ".label");
    if (sidecar.open(QIODevice::ReadOnly)) {
        const QStringList words = QString::fromUtf8(sidecar.readLine(256)).simplified().split(' ', Qt::SkipEmptyParts);
        return {words.value(0), words.value(1, "abstain")};
    }
    const QString name = QFileInfo(photoPath).fileName();
    return {name.section(QRegularExpression("[-_.0-9]"), 0, 0).toLower(), "abstain"};
}

void PhotoFolder::scan()
{
    const QFileInfoList files = QDir(directory_).entryInfoList({"*.jpg", "*.jpeg", "*.png", "*.JPG", "*.JPEG", "*.PNG"},
                                                               QDir::Files | QDir::Readable, QDir::Name);
    QSet<QString> knownPhotos;
    for (const PhotoJob& job : node_.miningJobs()) knownPhotos.insert(job.photoHash);
    for (const QFileInfo& file : files) {
        const QString key = QString("%1|%2|%3").arg(file.fileName()).arg(file.size()).arg(file.lastModified().toMSecsSinceEpoch());
        if (handled_.contains(key)) continue;
        const qint64 previous = lastSize_.value(file.filePath(), -1);
        lastSize_[file.filePath()] = file.size();
        if (previous != file.size()) continue;  // still being written, or first seen: next scan

        handled_.insert(key);
        QFile in(file.filePath());
        if (!in.open(QIODevice::ReadOnly)) {
            log_(QString("photo folder: cannot read %1: %2").arg(file.fileName(), in.errorString()));
            continue;
        }
        PhotoJobRequest request;
        request.photo = in.read(qint64(node_.status().maxPhotoBytes) + 1);
        const QString hash = hexText(crypto::sha256(Bytes(request.photo.begin(), request.photo.end())));
        if (knownPhotos.contains(hash)) continue;
        std::tie(request.label, request.vote) = labelAndVoteFor(file.filePath());
        request.source = "folder:" + file.fileName();
        QueryError error;
        if (const auto job = node_.submitMiningJob(request, &error)) {
            log_(QString("photo folder: %1 -> job %2 ('%3')").arg(file.fileName(), job->id, job->label));
        } else if (!node_.status().ready || error.kind == QueryError::Full) {
            handled_.remove(key);  // the node is still starting, or its job queue is full: try again next scan
        } else {
            log_(QString("photo folder: %1 refused: %2").arg(file.fileName(), error.message));
        }
    }
}

} // namespace pb
