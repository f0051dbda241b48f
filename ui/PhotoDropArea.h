#pragma once
// Where a miner puts a photo: drop a JPEG/PNG file on it or choose one with a file dialog.
// Shows a preview and holds the file's bytes; a file that cannot be used is refused with
// the reason (photoRefused) and the previous photo stays.
#include "core/chain/NetworkParams.h"
#include "core/node/Node.h"

#include <QByteArray>
#include <QFrame>
#include <QImage>

class QLabel;

namespace pb::ui {

class PhotoDropArea : public QFrame {
    Q_OBJECT
public:
    explicit PhotoDropArea(QWidget* parent = nullptr);

    // Reads the file; false (and photoRefused) when it is unreadable, too large or not JPEG/PNG.
    bool loadFile(const QString& path);
    void chooseFile();
    void clear();
    // The node's photo cap (NodeStatus::maxPhotoBytes); larger files are refused unread.
    void setMaxPhotoBytes(quint64 bytes) { maxPhotoBytes_ = bytes; }

    // Draws what the recognizer saw over the preview (boxes and scores).
    void showRecognition(const PhotoRecognitionInfo& recognition);
    bool showsRecognition() const { return shown_ != plain_; }

    QByteArray photo() const { return photo_; }
    QString fileName() const { return fileName_; }

signals:
    void photoChanged();
    void photoRefused(const QString& reason);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void showPreview();

    QLabel* preview_;
    quint64 maxPhotoBytes_ = NetworkParams().maxPhotoBytes;
    QByteArray photo_;
    QImage plain_;  // the photo upright, at most 800 pixels a side; null when it does not decode
    QImage shown_;  // plain_, or plain_ with the recognizer's boxes
    QString fileName_;
};

} // namespace pb::ui
