#pragma once
// Mining: start/stop with a thread count, hashrate now (10 s / 60 s / 15 min) and over time
// (with its stored history), blocks found and rewards; a photo job form (drop or choose a photo, pick the label the recognizer
// must see, vote on the previous claim's label) and the job queue with cancel.
#include "core/node/Node.h"
#include "ui/BackgroundQueries.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace pb::ui {

class HistoryChart;
class MiningControls;
class MiningJobModel;
class PhotoDropArea;
class TimeSeriesChart;

class MiningPage : public QWidget {
    Q_OBJECT
public:
    explicit MiningPage(Node& node, QWidget* parent = nullptr);

    void refresh(const NodeStatus& status);

    // Queues the photo in the drop area with the chosen label and vote; false (with the
    // reason shown) when the node refuses it.
    bool submitJob();
    // Cancels the job selected in the queue.
    bool cancelSelectedJob();

    MiningControls* controls() const { return controls_; }
    TimeSeriesChart* hashrateChart() const;
    HistoryChart* hashrateHistory() const { return hashrate_; }
    PhotoDropArea* dropArea() const { return drop_; }
    QComboBox* labelBox() const { return label_; }
    QComboBox* voteBox() const { return vote_; }
    QPushButton* submitButton() const { return submit_; }
    MiningJobModel* jobModel() const { return jobs_; }
    QTableView* jobView() const { return jobView_; }
    QString message() const;
    // What the recognizer said about the photo in the drop area; empty until it answered.
    QString recognitionText() const;

private:
    QWidget* createJobForm();
    void sampleHashrate();
    void updateLabels();
    void report(const QString& message, bool error);
    void previewRecognition();
    void showRecognition(const QByteArray& photo, const std::optional<PhotoRecognitionInfo>& recognition,
                         const QString& error);

    Node& node_;
    MiningControls* controls_;
    QLabel* stats_;
    HistoryChart* hashrate_;
    PhotoDropArea* drop_;
    QComboBox* label_;
    QComboBox* vote_;
    QPushButton* submit_;
    QLabel* message_;
    MiningJobModel* jobs_;
    QTableView* jobView_;
    QLabel* recognition_;
    QStringList claimable_;  // what the recognizer would confirm in the current photo
    BackgroundQueries queries_{this};
};

} // namespace pb::ui
