#pragma once
// Asks how long to ban an address and why, before the Peers page calls Node::ban. Opened
// with no address, it also asks for one: an IP address or a subnet in CIDR form.
#include <QDialog>

class QComboBox;
class QLineEdit;

namespace pb::ui {

class BanDialog : public QDialog {
    Q_OBJECT
public:
    explicit BanDialog(const QString& address, QWidget* parent = nullptr);

    // The address given to the constructor, or the one typed in.
    QString target() const;
    QLineEdit* targetBox() const { return target_; }
    qint64 seconds() const;
    QString reason() const;

private:
    QString address_;
    QLineEdit* target_ = nullptr;  // only when opened with no address
    QComboBox* duration_;
    QLineEdit* reason_;
};

} // namespace pb::ui
