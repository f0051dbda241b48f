#pragma once
// `--photos DIR` for headless miners: every new photo dropped into the folder becomes a mining
// job. The label comes from a sidecar file `<photo>.label` (first line: `label [vote]`), or
// else from the file name up to the first '-', '_', '.' or digit ("face-0042.jpg" -> "face").
// Works through the Node façade, like the REST API, so it validates the same way.
#include "core/node/Node.h"

#include <QObject>
#include <QSet>
#include <QTimer>
#include <functional>

namespace pb {

class PhotoFolder : public QObject {
    Q_OBJECT
public:
    using LogSink = std::function<void(const QString&)>;
    static constexpr int kScanMs = 2000;

    PhotoFolder(Node& node, QString directory, LogSink log, QObject* parent = nullptr);
    // Scans now and every kScanMs; false (and *error) when the directory cannot be read.
    bool start(QString* error);
    void scan();

    // The label and vote a file asks for, from its sidecar or its name.
    static std::pair<QString, QString> labelAndVoteFor(const QString& photoPath);

private:
    Node& node_;
    QString directory_;
    LogSink log_;
    QTimer timer_;
    QSet<QString> handled_;            // "name|size|mtime" of files already turned into jobs (or refused)
    QHash<QString, qint64> lastSize_;  // a file is taken only once its size held still for a scan
};

} // namespace pb
