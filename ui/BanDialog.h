#pragma once
// Asks how long to ban an address and why, before the Peers page calls Node::ban.
#include <QDialog>

class QComboBox;
class QLineEdit;

namespace pb::ui {

class BanDialog : public QDialog {
    Q_OBJECT
public:
    explicit BanDialog(const QString& address, QWidget* parent = nullptr);

    qint64 seconds() const;
    QString reason() const;

private:
    QComboBox* duration_;
    QLineEdit* reason_;
};

} // namespace pb::ui
