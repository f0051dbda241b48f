#include "ui/MiningPage.h"
#include "ui/LocaleFormat.h"

#include "core/node/StatusText.h"
#include "ui/HistoryChart.h"
#include "ui/MiningControls.h"
#include "ui/MiningJobModel.h"
#include "ui/Panes.h"
#include "ui/PhotoDropArea.h"
#include "ui/PhotoImages.h"
#include "ui/TableViews.h"
#include "ui/TimeSeriesChart.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace pb::ui {

MiningPage::MiningPage(Node& node, QWidget* parent) : QWidget(parent), node_(node)
{
    controls_ = new MiningControls(node);
    stats_ = new QLabel;
    stats_->setAccessibleName(tr("Mining statistics"));
    stats_->setWordWrap(true);
    stats_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    hashrate_ = new HistoryChart(node_, tr("Hashrate"), {tr("This node")}, {HistorySeries::Hashrate}, "H/s");

    jobs_ = new MiningJobModel(this);
    jobView_ = makeTableView(jobs_, tr("Mining jobs"));
    jobView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    jobView_->horizontalHeader()->setSectionResizeMode(MiningJobModel::Outcome, QHeaderView::Stretch);
    auto* cancel = new QPushButton(tr("&Cancel job"));
    cancel->setAccessibleName(tr("Cancel the selected job"));
    connect(cancel, &QPushButton::clicked, this, &MiningPage::cancelSelectedJob);

    QSplitter* upper = panes(Qt::Horizontal, hashrate_, createJobForm());
    QWidget* top = column({controls_, stats_, upper}, upper);
    QWidget* queue = column({rowWithRight({new QLabel(tr("Job queue"))}, {cancel}), jobView_}, jobView_);
    fill(this, panes(Qt::Vertical, top, queue));

    auto* sampler = new QTimer(this);
    connect(sampler, &QTimer::timeout, this, &MiningPage::sampleHashrate);
    sampler->start(1000);
    refresh(node_.status());
}

QWidget* MiningPage::createJobForm()
{
    drop_ = new PhotoDropArea;
    auto* choose = new QPushButton(tr("C&hoose photo…"));
    connect(choose, &QPushButton::clicked, drop_, &PhotoDropArea::chooseFile);
    label_ = new QComboBox;
    label_->setAccessibleName(tr("Label the photo claims"));
    vote_ = new QComboBox;
    vote_->setAccessibleName(tr("Vote on the previous claim's label"));
    vote_->addItem(tr("abstain"), "abstain");
    vote_->addItem(tr("agree"), "agree");
    vote_->addItem(tr("disagree"), "disagree");
    vote_->setToolTip(tr("Your block's vote on the label of the latest photo block before it"));
    submit_ = new QPushButton(tr("&Queue photo"));
    submit_->setAccessibleName(tr("Queue the photo for mining"));
    submit_->setEnabled(false);
    message_ = new QLabel;
    message_->setAccessibleName(tr("Mining page message"));
    message_->setWordWrap(true);
    connect(submit_, &QPushButton::clicked, this, &MiningPage::submitJob);
    recognition_ = new QLabel;
    recognition_->setAccessibleName(tr("What the recognizer sees"));
    recognition_->setWordWrap(true);
    connect(drop_, &PhotoDropArea::photoChanged, this, [this] {
        submit_->setEnabled(!drop_->photo().isEmpty() && label_->count() > 0);
        claimable_.clear();
        recognition_->clear();
        if (drop_->photo().isEmpty()) return;
        report(tr("%1 ready to queue.").arg(drop_->fileName()), false);
        previewRecognition();
    });
    connect(drop_, &PhotoDropArea::photoRefused, this, [this](const QString& reason) { report(reason, true); });

    auto* box = new QGroupBox(tr("Mine a photo"));
    auto* form = new QFormLayout(box);
    form->addRow(drop_);
    form->addRow(choose);
    form->addRow(recognition_);
    form->addRow(tr("&Label:"), label_);
    form->addRow(tr("&Vote:"), vote_);
    form->addRow(submit_);
    form->addRow(message_);
    return box;
}

void MiningPage::refresh(const NodeStatus& s)
{
    controls_->refresh(s);
    if (s.ready) {
        drop_->setMaxPhotoBytes(s.maxPhotoBytes);
        stats_->setText(tr("Hashrate %1 (10 s) · %2 (60 s) · %3 (15 min) · backend %4 · blocks found %5 · rewards %6 coins")
                            .arg(formatHashrate(s.hashrate10s), formatHashrate(s.hashrate60s),
                                 formatHashrate(s.hashrate15m), s.miningBackend)
                            .arg(numberText(qint64(s.blocksFound)), coinsText(s.rewardsUnits)));
    }
    jobs_->update(node_.miningJobs());
    updateLabels();
}

void MiningPage::updateLabels()
{
    QString problem;
    const QStringList labels = node_.recognizerLabels(&problem);
    QStringList shown;
    for (int i = 0; i < label_->count(); ++i) shown << label_->itemText(i);
    if (shown != labels) {
        label_->clear();
        label_->addItems(labels);
    }
    label_->setEnabled(!labels.isEmpty());
    label_->setToolTip(labels.isEmpty() ? problem : tr("The recognizer must see this in the photo"));
    submit_->setEnabled(!drop_->photo().isEmpty() && !labels.isEmpty());
}

TimeSeriesChart* MiningPage::hashrateChart() const { return hashrate_->chart(); }

void MiningPage::sampleHashrate()
{
    // The 10-second rate, sampled every second and averaged into the range's buckets.
    const NodeStatus s = node_.status();
    if (s.ready) hashrate_->append(QDateTime::currentMSecsSinceEpoch(), {s.hashrate10s});
}

bool MiningPage::submitJob()
{
    PhotoJobRequest request;
    request.photo = drop_->photo();
    request.label = label_->currentText();
    request.vote = vote_->currentData().toString();
    request.source = "gui:" + drop_->fileName();
    QueryError error;
    const auto job = node_.submitMiningJob(request, &error);
    if (!job) {
        report(tr("The node did not queue the photo: %1.").arg(error.message), true);
        return false;
    }
    report(tr("Queued %1 as job %2; the recognizer checks it next.").arg(drop_->fileName(), job->id), false);
    drop_->clear();
    jobs_->update(node_.miningJobs());
    return true;
}

bool MiningPage::cancelSelectedJob()
{
    const QModelIndexList rows = jobView_->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        report(tr("Select a job to cancel first."), true);
        return false;
    }
    const PhotoJob job = jobs_->jobAt(rows.first().row());
    QueryError error;
    if (!node_.cancelMiningJob(job.id, &error)) {
        report(tr("Cannot cancel job %1: %2.").arg(job.id, error.message), true);
        return false;
    }
    report(tr("Cancelling job %1.").arg(job.id), false);
    return true;
}

void MiningPage::previewRecognition()
{
    recognition_->setText(tr("The recognizer is looking at the photo…"));
    Node* node = &node_;
    const QByteArray photo = drop_->photo();
    queries_.run(
        [node, photo] {
            QueryError error;
            auto recognition = node->recognizePhoto(photo, &error);
            return std::make_pair(recognition, error.message);
        },
        [this, photo](std::pair<std::optional<PhotoRecognitionInfo>, QString> result) {
            showRecognition(photo, result.first, result.second);
        });
}

void MiningPage::showRecognition(const QByteArray& photo, const std::optional<PhotoRecognitionInfo>& recognition,
                                 const QString& error)
{
    if (photo != drop_->photo()) return;  // another photo was dropped meanwhile
    if (!recognition) {
        recognition_->setText(tr("No preview: %1.").arg(error));
        return;
    }
    claimable_ = recognition->claimable;
    drop_->showRecognition(*recognition);
    if (!claimable_.isEmpty() && label_->findText(claimable_.first()) >= 0) label_->setCurrentText(claimable_.first());
    recognition_->setText(claimable_.isEmpty()
                              ? tr("The recognizer sees %1: no label it would confirm, so a job would be rejected.")
                                    .arg(describeRecognition(*recognition))
                              : tr("The recognizer sees %1 and would confirm: %2.")
                                    .arg(describeRecognition(*recognition), claimable_.join(", ")));
}

QString MiningPage::recognitionText() const { return recognition_->text(); }

void MiningPage::report(const QString& message, bool error)
{
    message_->setStyleSheet(error ? "color: #c53030;" : QString());
    message_->setText(message);
}

QString MiningPage::message() const { return message_->text(); }

} // namespace pb::ui
