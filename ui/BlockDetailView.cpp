#include "ui/BlockDetailView.h"
#include "ui/LocaleFormat.h"

#include "ui/FormRows.h"
#include "ui/Panes.h"
#include "ui/PhotoImages.h"

#include <QDateTime>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QTimer>
#include <QTreeWidget>

namespace pb::ui {

BlockDetailView::BlockDetailView(Node& node, QWidget* parent) : QWidget(parent), node_(node)
{
    title_ = makeTitle(tr("Select a block, or search by height or hash."), tr("Block title"));

    auto* form = new QFormLayout;
    hash_ = addValueRow(form, tr("Hash"), tr("Block hash"));
    prev_ = addValueRow(form, tr("Previous"), tr("Previous block hash"));
    time_ = addValueRow(form, tr("Time"), tr("Block time"));
    bits_ = addValueRow(form, tr("Bits"), tr("Difficulty bits"));
    nonce_ = addValueRow(form, tr("Nonce"), tr("Nonce"));
    version_ = addValueRow(form, tr("Version"), tr("Header version"));
    contentRoot_ = addValueRow(form, tr("Content root"), tr("Content root"));
    chainWork_ = addValueRow(form, tr("Chain work"), tr("Chain work"));
    size_ = addValueRow(form, tr("Size"), tr("Block size"));
    label_ = addValueRow(form, tr("Label claim"), tr("Label claim"));
    votes_ = addValueRow(form, tr("Votes on the claim"), tr("Votes on the claim"));
    vote_ = addValueRow(form, tr("Its own vote"), tr("The block's own vote"));
    recognition_ = addValueRow(form, tr("Recognizer here sees"), tr("What this node's recognizer sees"));
    // Hashes in a compact fixed-width font keep the panel narrow enough to sit beside the list.
    QFont mono("monospace");
    mono.setStyleHint(QFont::Monospace);
    mono.setPointSizeF(font().pointSizeF() * 0.85);
    for (QLabel* value : {hash_, prev_, contentRoot_}) value->setFont(mono);

    photoView_ = new QLabel;
    photoView_->setAlignment(Qt::AlignCenter);
    photoView_->setAccessibleName(tr("Block photo"));
    photoArea_ = new QScrollArea;
    photoArea_->setWidget(photoView_);
    photoArea_->setWidgetResizable(true);
    photoArea_->setMinimumHeight(160);
    fullSize_ = new QPushButton(tr("&Full size"));
    fullSize_->setCheckable(true);
    fullSize_->setEnabled(false);
    fullSize_->setAccessibleName(tr("Show the photo at full size"));
    connect(fullSize_, &QPushButton::toggled, this, [this](bool full) {
        photoArea_->setWidgetResizable(!full);
        showPhoto();
    });

    transactions_ = new QTreeWidget;
    transactions_->setAccessibleName(tr("Transactions"));
    transactions_->setHeaderLabels({tr("Transaction"), tr("Type"), tr("To"), tr("Amount")});
    transactions_->setRootIsDecorated(false);
    transactions_->setColumnWidth(0, 140);
    transactions_->setColumnWidth(1, 70);
    transactions_->setColumnWidth(2, 150);

    QWidget* fields = column({title_, form, transactions_}, transactions_);
    QWidget* photo = column({photoArea_, rowWithRight({}, {fullSize_})}, photoArea_);
    fill(this, panes(Qt::Vertical, fields, photo), false);
}

void BlockDetailView::load(const QString& heightOrHash)
{
    prunedRetriesLeft_ = kPrunedRetries;
    lookUp(heightOrHash);
}

void BlockDetailView::lookUp(const QString& heightOrHash)
{
    Node* node = &node_;
    queries_.runLatest(
        [node, heightOrHash] {
            Result r;
            r.block = node->findBlock(heightOrHash, &r.error);
            if (!r.block || r.block->photoHash.isEmpty()) return r;
            const auto bytes = node->photo(r.block->photoHash);
            if (!bytes) return r;
            r.photo = decodeUpright(*bytes);
            QueryError recognizeError;
            if (const auto seen = node->recognizePhoto(*bytes, &recognizeError)) {
                r.photo = drawRecognition(r.photo, *seen);
                r.recognition = describeRecognition(*seen);
            } else {
                r.recognition = recognizeError.message;
            }
            return r;
        },
        [this](const Result& r) { show(r); });
}

void BlockDetailView::show(const Result& r)
{
    if (!r.block) {
        emit notFound(r.error.message);
        return;
    }
    const BlockInfo& b = *r.block;
    block_ = b;
    photo_ = r.photo;
    title_->setText(b.unchecked ? tr("Block %1 (not yet confirmed by full peers)").arg(b.height) : tr("Block %1").arg(b.height));
    hash_->setText(b.hash);
    prev_->setText(b.prevHash);
    time_->setText(dateTimeText(QDateTime::fromSecsSinceEpoch(b.time)));
    bits_->setText(QString("0x%1").arg(b.bits, 8, 16, QChar('0')));
    nonce_->setText(QString::number(b.nonce));
    version_->setText(QString("0x%1").arg(b.version, 0, 16));
    contentRoot_->setText(b.contentRoot);
    QString work = b.chainWork;
    work.remove(QRegularExpression("^0+(?=.)"));
    chainWork_->setText("0x" + work);
    // A pruned body leaves a summary (label, vote, size) unless it was pruned before summaries were kept.
    const QString pruned = tr("pruned here; fetching from a full peer…");
    const bool summarised = !b.bodyPruned || !b.vote.isEmpty();
    size_->setText(!summarised   ? pruned
                   : b.bodyPruned ? tr("%1 bytes (body pruned here; fetching it from a full peer…)").arg(b.sizeBytes)
                                  : tr("%1 bytes").arg(b.sizeBytes));
    label_->setText(!summarised ? pruned : b.label.isEmpty() ? tr("none") : b.label);
    votes_->setText(b.votes ? tr("%1 agree, %2 disagree, %3 abstain").arg(b.votes->agree).arg(b.votes->disagree).arg(b.votes->abstain)
                            : tr("—"));
    vote_->setText(summarised ? b.vote : pruned);
    recognition_->setText(r.recognition.isEmpty() ? tr("—") : r.recognition);
    transactions_->clear();
    for (const TransactionInfo& tx : b.transactions) {
        auto* item = new QTreeWidgetItem({tx.id.left(16) + "…", tx.type, tx.to, coinsText(tx.amount)});
        item->setToolTip(0, tx.id);
        transactions_->addTopLevelItem(item);
    }
    fullSize_->setEnabled(!photo_.isNull());
    showPhoto();
    if (b.bodyPruned) retryPruned(b.hash);
    emit loaded(b);
}

void BlockDetailView::retryPruned(const QString& hash)
{
    if (prunedRetriesLeft_-- <= 0) return;
    QTimer::singleShot(kPrunedRetryMs, this, [this, hash] {
        if (block_ && block_->hash == hash) lookUp(hash);  // unless another block is shown by now
    });
}

QString BlockDetailView::photoText() const { return photoView_->text(); }

void BlockDetailView::showPhoto()
{
    if (photo_.isNull()) {
        photoView_->setPixmap({});
        if (block_ && block_->bodyPruned)
            photoView_->setText(tr("This mobile node pruned the block's body and photo; they are being fetched from a full peer."));
        else
            photoView_->setText(block_ && !block_->photoHash.isEmpty() ? tr("The photo is not stored here.") : tr("No photo"));
        return;
    }
    const bool full = fullSize_->isChecked();
    const QSize room = photoArea_->viewport()->size() - QSize(4, 4);
    const QImage shown = full ? photo_ : photo_.scaled(room.expandedTo(QSize(16, 16)), Qt::KeepAspectRatio, Qt::SmoothTransformation);
    photoView_->setPixmap(QPixmap::fromImage(shown));
    if (full) photoView_->adjustSize();
}

QString BlockDetailView::recognitionText() const { return recognition_->text(); }

void BlockDetailView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    showPhoto();
}

} // namespace pb::ui
