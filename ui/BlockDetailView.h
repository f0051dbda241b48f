#pragma once
// One block in full: header fields, chain work, size, the photo (fitted or at full size),
// its label claim with the votes later blocks cast on it, the block's own vote, and its
// transactions. Loaded on a worker thread; a failed lookup says why.
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
    void show(const Result& result);
    void showPhoto();

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
    BackgroundQueries queries_{this};
};

} // namespace pb::ui
