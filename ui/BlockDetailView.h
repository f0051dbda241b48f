#pragma once
// One block in full: header fields, chain work, size, the photo (fitted or at full size),
// its label claim with the votes later blocks cast on it, the block's own vote, and its
// transactions. Loaded on a worker thread; a failed lookup says why. On a mobile node a block
// whose body was pruned shows its header and says its body is being fetched from a full peer,
// and is looked up again a few times until the body is back.
#include "core/node/Node.h"
#include "ui/BackgroundQueries.h"

#include <QImage>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QScrollArea;
class QTreeWidget;

namespace pb::ui {

class BlockDetailView : public QWidget {
    Q_OBJECT
public:
    explicit BlockDetailView(Node& node, QWidget* parent = nullptr);

    // A height (decimal) or a block hash; emits loaded() or notFound().
    void load(const QString& heightOrHash);
    std::optional<BlockInfo> block() const { return block_; }
    bool hasPhoto() const { return !photo_.isNull(); }
    // What the photo pane says when there is no photo to show.
    QString photoText() const;
    static constexpr int kPrunedRetries = 5;
    static constexpr int kPrunedRetryMs = 3000;
    QString recognitionText() const;

signals:
    void loaded(const pb::BlockInfo& block);
    void notFound(const QString& reason);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Result {
        std::optional<BlockInfo> block;
        QueryError error;
        QImage photo;  // upright, with the recognizer's boxes when it could run
        QString recognition;
    };
    // Queries the block on a worker thread and shows it; load() also restarts the pruned retries.
    void lookUp(const QString& heightOrHash);
    void show(const Result& result);
    void showPhoto();
    // A pruned body is fetched on request: ask again for the same block a little later.
    void retryPruned(const QString& hash);

    Node& node_;
    QLabel* title_;
    QLabel* hash_;
    QLabel* prev_;
    QLabel* time_;
    QLabel* bits_;
    QLabel* nonce_;
    QLabel* version_;
    QLabel* contentRoot_;
    QLabel* chainWork_;
    QLabel* size_;
    QLabel* label_;
    QLabel* votes_;
    QLabel* vote_;
    QLabel* recognition_;
    QLabel* photoView_;
    QScrollArea* photoArea_;
    QPushButton* fullSize_;
    QTreeWidget* transactions_;
    std::optional<BlockInfo> block_;
    QImage photo_;
    int prunedRetriesLeft_ = 0;
    BackgroundQueries queries_{this};
};

} // namespace pb::ui
