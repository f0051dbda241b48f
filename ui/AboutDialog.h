#pragma once
// About Photoblocks: its version and the versions of the libraries it runs on (Qt, OpenSSL,
// OpenCV, and the redis-server it would start, asked without blocking the window).
#include <QDialog>

class QLabel;

namespace pb::ui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);

    QString versionsText() const;

private:
    void askRedisVersion();

    QLabel* redis_;
};

} // namespace pb::ui
