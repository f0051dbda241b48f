#pragma once
// Settings: where and how the node runs (applied at the next start, and said so), how the
// window behaves (applied at once) and its language (at the next start). Stored with
// QSettings through GuiSettings; the REST API is set on the Mobile page.
#include "ui/GuiSettings.h"
#include "ui/SettingOrigins.h"

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
    // Options of this run set by the command line or a config file: named above the form (they
    // win over it) and on the fields they override.
    void setOrigins(const SettingOrigins& origins);
    QLabel* originNote() const { return originNote_; }

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
    QLabel* originNote_;
};

} // namespace pb::ui
