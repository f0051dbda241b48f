#include "ui/GalleryView.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPixmap>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace pb::ui {

namespace {
constexpr int kTile = Node::kThumbnailSide;
constexpr int kPageBlocks = 100;
} // namespace

GalleryView::GalleryView(Node& node, QWidget* parent) : QWidget(parent), node_(node)
{
    model_ = new QStandardItemModel(this);
    proxy_ = new QSortFilterProxyModel(this);
    proxy_->setSourceModel(model_);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    view_ = new QListView;
    view_->setModel(proxy_);
    view_->setViewMode(QListView::IconMode);
    view_->setResizeMode(QListView::Adjust);
    view_->setMovement(QListView::Static);
    view_->setUniformItemSizes(true);
    view_->setIconSize(QSize(kTile, kTile));
    view_->setGridSize(QSize(kTile + 16, kTile + 36));
    view_->setWordWrap(true);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setAccessibleName(tr("Photo gallery"));
    connect(view_, &QListView::activated, this, [this](const QModelIndex& index) {
        emit blockRequested(index.data(kHashRole).toString());
    });

    search_ = new QLineEdit;
    search_->setPlaceholderText(tr("Search labels"));
    search_->setAccessibleName(tr("Gallery label search"));
    search_->setClearButtonEnabled(true);
    connect(search_, &QLineEdit::textChanged, this, &GalleryView::searchLabel);
    summary_ = new QLabel(tr("Reading the chain's photos…"));
    summary_->setAccessibleName(tr("Gallery summary"));
    summary_->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(search_);
    layout->addWidget(summary_);
    layout->addWidget(view_, 1);
}

void GalleryView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresh(tip_);
}

void GalleryView::refresh(quint64 tipHeight)
{
    tip_ = tipHeight;
    if (!isVisible() || queried_ || loadedTip_ == tipHeight) return;
    queried_ = true;
    Node* node = &node_;
    const QHash<QString, QImage> known = thumbnails_;
    queries_.run(
        [node, tipHeight, known] {
            Answer answer;
            const quint64 first = tipHeight + 1 > kScannedBlocks ? tipHeight + 1 - kScannedBlocks : 0;
            for (quint64 from = first; from <= tipHeight; from += kPageBlocks) {
                QueryError error;
                const QList<BlockInfo> blocks = node->blocksFrom(from, kPageBlocks, &error);
                if (blocks.isEmpty() && !error.message.isEmpty()) {
                    answer.error = error.message;
                    break;
                }
                for (const BlockInfo& b : blocks) {
                    if (b.photoHash.isEmpty()) continue;
                    Photo photo{b.height, b.hash, b.label, b.photoHash, known.value(b.photoHash)};
                    if (photo.thumbnail.isNull())
                        if (const auto bytes = node->thumbnail(b.photoHash)) photo.thumbnail.loadFromData(*bytes);
                    answer.photos.prepend(photo);  // newest first
                }
            }
            return answer;
        },
        [this, tipHeight](Answer answer) {
            queried_ = false;
            if (answer.error.isEmpty()) loadedTip_ = tipHeight;
            show(answer);
            if (tip_ != tipHeight) refresh(tip_);
        });
}

void GalleryView::show(const Answer& answer)
{
    model_->clear();
    thumbnails_.clear();
    for (const Photo& p : answer.photos) {
        auto* item = new QStandardItem(p.label.isEmpty() ? tr("(no label)") : p.label);
        if (!p.thumbnail.isNull()) item->setIcon(QPixmap::fromImage(p.thumbnail));
        item->setData(p.height, kHeightRole);
        item->setData(p.hash, kHashRole);
        item->setToolTip(tr("Block %1: %2").arg(p.height).arg(p.label));
        item->setTextAlignment(Qt::AlignHCenter);
        model_->appendRow(item);
        thumbnails_.insert(p.photoHash, p.thumbnail);
    }
    if (!answer.error.isEmpty()) summary_->setText(tr("Cannot read the chain's photos: %1").arg(answer.error));
    else showSummary();
    emit loaded();
}

void GalleryView::searchLabel(const QString& text)
{
    if (search_->text() != text) search_->setText(text);  // comes back here through textChanged
    proxy_->setFilterFixedString(text);
    showSummary();
}

int GalleryView::photoCount() const { return model_->rowCount(); }
int GalleryView::shownCount() const { return proxy_->rowCount(); }

void GalleryView::showSummary()
{
    const QString scanned = tr("%n photo(s) in the newest %1 blocks", nullptr, photoCount()).arg(std::min<quint64>(tip_ + 1, kScannedBlocks));
    summary_->setText(search_->text().isEmpty() ? scanned + "."
                                                : tr("%1; %2 with a label containing \"%3\".").arg(scanned).arg(shownCount()).arg(search_->text()));
}

} // namespace pb::ui
