#include "ui/PhotoDropArea.h"

#include "core/util/ImageFormat.h"
#include "ui/PhotoImages.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QMimeData>
#include <QPixmap>
#include <QVBoxLayout>

namespace pb::ui {

PhotoDropArea::PhotoDropArea(QWidget* parent) : QFrame(parent)
{
    setAcceptDrops(true);
    setFrameShape(QFrame::StyledPanel);
    setFrameShadow(QFrame::Sunken);
    setMinimumSize(220, 160);
    setAccessibleName(tr("Photo drop area"));
    setFocusPolicy(Qt::StrongFocus);
    preview_ = new QLabel;
    preview_->setAlignment(Qt::AlignCenter);
    preview_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(preview_);
    clear();
}

void PhotoDropArea::clear()
{
    photo_.clear();
    plain_ = shown_ = QImage();
    fileName_.clear();
    preview_->setPixmap({});
    preview_->setText(tr("Drop a JPEG or PNG photo here\nor press Choose photo…"));
    emit photoChanged();
}

bool PhotoDropArea::loadFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        emit photoRefused(tr("Cannot read %1: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        return false;
    }
    if (quint64(file.size()) > maxPhotoBytes_) {
        emit photoRefused(tr("%1 has %2 bytes; a photo may have at most %3.")
                              .arg(QFileInfo(path).fileName()).arg(file.size()).arg(maxPhotoBytes_));
        return false;
    }
    const QByteArray bytes = file.readAll();
    if (!sniffImageFormat(bytes)) {
        emit photoRefused(tr("%1 is neither a JPEG nor a PNG photo.").arg(QFileInfo(path).fileName()));
        return false;
    }
    photo_ = bytes;
    fileName_ = QFileInfo(path).fileName();
    // Decoded once here; resizes only rescale it.
    plain_ = decodeUpright(photo_);
    if (!plain_.isNull()) plain_ = plain_.scaled(800, 800, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    shown_ = plain_;
    showPreview();
    emit photoChanged();
    return true;
}

void PhotoDropArea::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a photo"), {}, tr("Photos (*.jpg *.jpeg *.png)"));
    if (!path.isEmpty()) loadFile(path);
}

void PhotoDropArea::showPreview()
{
    if (photo_.isEmpty()) return;
    if (shown_.isNull()) {
        preview_->setText(tr("%1\n(no preview: the image does not decode here)").arg(fileName_));
        return;
    }
    preview_->setPixmap(QPixmap::fromImage(shown_.scaled(size() - QSize(16, 16), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    preview_->setToolTip(fileName_);
}

void PhotoDropArea::showRecognition(const PhotoRecognitionInfo& recognition)
{
    if (plain_.isNull()) return;
    shown_ = drawRecognition(plain_, recognition);
    showPreview();
}

void PhotoDropArea::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().first().isLocalFile()) event->acceptProposedAction();
}

void PhotoDropArea::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile()) return;
    if (loadFile(urls.first().toLocalFile())) event->acceptProposedAction();
}

void PhotoDropArea::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space) chooseFile();
    else QFrame::keyPressEvent(event);
}

void PhotoDropArea::resizeEvent(QResizeEvent* event)
{
    QFrame::resizeEvent(event);
    showPreview();
}

} // namespace pb::ui
