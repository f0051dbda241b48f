#pragma once
// Where a miner puts a photo: drop a JPEG/PNG file on it or choose one with a file dialog.
// Shows a preview and holds the file's bytes; a file that cannot be used is refused with
// the reason (photoRefused) and the previous photo stays.
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

    QByteArray photo() const { return photo_; }
    QString fileName() const { return fileName_; }

signals:
    void photoChanged();
    void photoRefused(const QString& reason);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void showPreview();

    QLabel* preview_;
    QByteArray photo_;
    QImage image_;  // the photo, at most 800 pixels a side; null when it does not decode
    QString fileName_;
};

} // namespace pb::ui
