#pragma once
// Settings: where and how the node runs (applied at the next start, and said so), how the
// window behaves (applied at once) and its language (at the next start). Stored with
// QSettings through GuiSettings; the REST API is set on the Mobile page.
#include "ui/GuiSettings.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace pb::ui {

class SettingsPage : public QWidget {
    Q_OBJECT
public:
    explicit SettingsPage(QWidget* parent = nullptr);

    // What the form shows now, saved or not.
    NodeSettings formValues() const;
    void showValues(const NodeSettings& settings, bool minimizeToTray, const QString& language);
    // Validates and stores the form; false (with the reason shown) when a value is unusable.
    bool save();
    QString message() const;
    QComboBox* languageBox() const { return language_; }

private:
    void chooseDataDir();

    QLineEdit* dataDir_;
    QComboBox* network_;
    QComboBox* mode_;
    QLineEdit* seeds_;
    QSpinBox* peerPort_;
    QLineEdit* redisUrl_;
    QSpinBox* threads_;
    QCheckBox* mineOnLaunch_;
    QCheckBox* minimizeToTray_;
    QComboBox* language_;
    QLabel* message_;
};

} // namespace pb::ui
