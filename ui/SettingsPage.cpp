#include "ui/SettingsPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace pb::ui {

namespace {

template <typename W>
W* named(W* widget, const QString& accessibleName)
{
    widget->setAccessibleName(accessibleName);
    return widget;
}

QSpinBox* portBox(const QString& accessibleName, const QString& zeroMeans)
{
    auto* box = named(new QSpinBox, accessibleName);
    box->setRange(0, 65535);
    box->setSpecialValueText(zeroMeans);
    return box;
}

} // namespace

SettingsPage::SettingsPage(QWidget* parent) : QWidget(parent)
{
    auto* restartNote = new QLabel(tr("Node settings take effect the next time Photoblocks starts. "
                                      "Options given on the command line override them."));
    restartNote->setWordWrap(true);
    restartNote->setAccessibleName(tr("Restart note"));

    dataDir_ = named(new QLineEdit, tr("Data directory"));
    dataDir_->setPlaceholderText(tr("default: ~/.local/share/photoblocks/<network>"));
    auto* browse = new QPushButton(tr("&Browse…"));
    connect(browse, &QPushButton::clicked, this, &SettingsPage::chooseDataDir);
    auto* dataRow = new QHBoxLayout;
    dataRow->addWidget(dataDir_);
    dataRow->addWidget(browse);
    network_ = named(new QComboBox, tr("Network"));
    network_->setEditable(true);
    network_->addItems({"dev", "test"});
    network_->setToolTip(tr("dev, test or the name of a custom network"));
    mode_ = named(new QComboBox, tr("Node mode"));
    mode_->addItems({"full", "seed", "head", "mobile"});
    for (QComboBox* box : {network_, mode_}) box->setMinimumContentsLength(16);
    seeds_ = named(new QLineEdit, tr("Seeds"));
    seeds_->setPlaceholderText(tr("host:port, separated by commas (default: the network's seed)"));
    peerPort_ = portBox(tr("Peer port"), tr("automatic"));
    redisUrl_ = named(new QLineEdit, tr("Redis URL"));
    redisUrl_->setPlaceholderText(tr("embedded redis-server (or redis://host:port/db, unix:///path.sock)"));
    threads_ = named(new QSpinBox, tr("Mining threads at launch"));
    threads_->setRange(1, std::max(1, QThread::idealThreadCount()));
    mineOnLaunch_ = named(new QCheckBox(tr("Start mining when Photoblocks starts")), tr("Start mining on launch"));

    auto* nodeBox = new QGroupBox(tr("Node (applied after a restart)"));
    auto* nodeForm = new QFormLayout(nodeBox);
    nodeForm->addRow(restartNote);
    originNote_ = named(new QLabel, tr("Where the node settings come from"));
    originNote_->setWordWrap(true);
    originNote_->setVisible(false);
    nodeForm->addRow(originNote_);
    nodeForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto* dataLabel = new QLabel(tr("&Data directory:"));
    dataLabel->setBuddy(dataDir_);
    nodeForm->addRow(dataLabel, dataRow);
    nodeForm->addRow(tr("&Network:"), network_);
    nodeForm->addRow(tr("M&ode:"), mode_);
    nodeForm->addRow(tr("S&eeds:"), seeds_);
    nodeForm->addRow(tr("&Peer port:"), peerPort_);
    nodeForm->addRow(tr("REST API:"), new QLabel(tr("on the Mobile page")));
    nodeForm->addRow(tr("Red&is:"), redisUrl_);
    nodeForm->addRow(tr("&Threads:"), threads_);
    nodeForm->addRow(mineOnLaunch_);

    minimizeToTray_ = named(new QCheckBox(tr("Closing the window keeps the node running in the tray")),
                            tr("Minimize to tray"));
    language_ = named(new QComboBox, tr("Language"));
    language_->addItem(tr("System"), QString());
    language_->addItem("English", "en");
    language_->addItem("Deutsch", "de");
    language_->addItem("Français", "fr");
    auto* windowBox = new QGroupBox(tr("Window"));
    auto* windowForm = new QFormLayout(windowBox);
    windowForm->addRow(minimizeToTray_);
    windowForm->addRow(tr("&Language (applied after a restart):"), language_);

    auto* saveButton = new QPushButton(tr("&Save"));
    saveButton->setAccessibleName(tr("Save settings"));
    connect(saveButton, &QPushButton::clicked, this, &SettingsPage::save);
    auto* revert = new QPushButton(tr("Re&vert"));
    connect(revert, &QPushButton::clicked, this, [this] {
        const GuiSettings settings;
        showValues(settings.node(), settings.minimizeToTray(), settings.language());
        message_->clear();
    });
    message_ = named(new QLabel, tr("Settings message"));
    message_->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(message_, 1);
    buttons->addWidget(revert);
    buttons->addWidget(saveButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(nodeBox);
    layout->addWidget(windowBox);
    layout->addLayout(buttons);
    layout->addStretch();
    const GuiSettings settings;
    showValues(settings.node(), settings.minimizeToTray(), settings.language());
}

NodeSettings SettingsPage::formValues() const
{
    NodeSettings n;
    n.dataDir = dataDir_->text().trimmed();
    n.network = network_->currentText().trimmed();
    n.mode = mode_->currentText();
    for (const QString& seed : seeds_->text().split(',', Qt::SkipEmptyParts)) n.seeds << seed.trimmed();
    n.peerPort = peerPort_->value();
    n.redisUrl = redisUrl_->text().trimmed();
    n.threads = threads_->value();
    n.mineOnLaunch = mineOnLaunch_->isChecked();
    return n;
}

void SettingsPage::showValues(const NodeSettings& n, bool minimizeToTray, const QString& language)
{
    dataDir_->setText(n.dataDir);
    network_->setCurrentText(n.network);
    mode_->setCurrentText(n.mode);
    seeds_->setText(n.seeds.join(", "));
    peerPort_->setValue(n.peerPort);
    redisUrl_->setText(n.redisUrl);
    threads_->setValue(n.threads);
    mineOnLaunch_->setChecked(n.mineOnLaunch);
    minimizeToTray_->setChecked(minimizeToTray);
    language_->setCurrentIndex(std::max(0, language_->findData(language)));
}

bool SettingsPage::save()
{
    const NodeSettings values = formValues();
    if (const QString problem = GuiSettings::problem(values); !problem.isEmpty()) {
        message_->setText(tr("Not saved: %1.").arg(problem));
        return false;
    }
    GuiSettings settings;
    const bool needsRestart = !(settings.node() == values) || settings.language() != language_->currentData().toString();
    settings.setNode(values);
    settings.setMinimizeToTray(minimizeToTray_->isChecked());
    settings.setLanguage(language_->currentData().toString());
    message_->setText(needsRestart ? tr("Saved. Restart Photoblocks for the node settings and the language to take effect.")
                                   : tr("Saved."));
    return true;
}

QString SettingsPage::message() const { return message_->text(); }

void SettingsPage::chooseDataDir()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Data directory"), dataDir_->text());
    if (!dir.isEmpty()) dataDir_->setText(dir);
}

void SettingsPage::setOrigins(const SettingOrigins& origins)
{
    const QList<QPair<QString, QWidget*>> fields = {{"datadir", dataDir_}, {"network", network_},     {"mode", mode_},
                                                    {"seed", seeds_},      {"port", peerPort_},       {"redis", redisUrl_},
                                                    {"threads", threads_}, {"mine", mineOnLaunch_}};
    QStringList keys;
    for (const auto& [key, field] : fields) {
        keys << key;
        field->setToolTip(origins.contains(key) ? tr("This run uses %1; the value here applies at the next start without it.")
                                                      .arg(describeOrigins(origins, {key}))
                                                : QString());
    }
    const QString set = describeOrigins(origins, keys);
    originNote_->setVisible(!set.isEmpty());
    originNote_->setText(tr("This run uses %1, which wins over the values below. The values below are what is saved: "
                            "they take effect at the next start where neither the command line nor a config file sets them.")
                             .arg(set));
}

} // namespace pb::ui
