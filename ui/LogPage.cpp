#include "ui/LogPage.h"

#include "ui/LogFilterModel.h"
#include "ui/LogModel.h"
#include "ui/TableViews.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QStandardPaths>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace pb::ui {

LogPage::LogPage(QWidget* parent) : QWidget(parent)
{
    model_ = new LogModel(5000, this);
    filter_ = new LogFilterModel(this);
    filter_->setSourceModel(model_);

    level_ = new QComboBox;
    level_->setAccessibleName(tr("Minimum log level"));
    for (LogLine::Level level : {LogLine::Debug, LogLine::Info, LogLine::Warning, LogLine::Error})
        level_->addItem(LogModel::levelName(level), int(level));
    level_->setCurrentIndex(1);
    filter_->setMinimumLevel(LogLine::Info);
    connect(level_, &QComboBox::currentIndexChanged, this,
            [this] { filter_->setMinimumLevel(LogLine::Level(level_->currentData().toInt())); });
    auto* levelLabel = new QLabel(tr("&Level:"));
    levelLabel->setBuddy(level_);

    search_ = new QLineEdit;
    search_->setPlaceholderText(tr("Search the log"));
    search_->setAccessibleName(tr("Log search"));
    search_->setClearButtonEnabled(true);
    connect(search_, &QLineEdit::textChanged, filter_, &LogFilterModel::setSearchText);

    view_ = makeTableView(filter_, tr("Engine log"));
    view_->setFont(QFont("monospace"));
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 4);
    view_->setColumnWidth(LogModel::Time, 110);
    view_->setColumnWidth(LogModel::Level, 70);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto* copyShortcut = new QShortcut(QKeySequence::Copy, view_);
    copyShortcut->setContext(Qt::WidgetShortcut);
    connect(copyShortcut, &QShortcut::activated, this, &LogPage::copySelection);

    copy_ = new QPushButton(tr("&Copy"));
    copy_->setAccessibleName(tr("Copy the selected log lines"));
    copy_->setToolTip(tr("The selected lines, or every shown line when none is selected"));
    connect(copy_, &QPushButton::clicked, this, &LogPage::copySelection);
    save_ = new QPushButton(tr("&Save…"));
    save_->setAccessibleName(tr("Save the selected log lines"));
    save_->setToolTip(copy_->toolTip());
    connect(save_, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save log lines"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + "/photoblocks-log.txt",
            tr("Text files (*.txt);;All files (*)"));
        if (!path.isEmpty()) saveSelection(path);
    });
    message_ = new QLabel;
    message_->setAccessibleName(tr("Log page message"));

    auto* bar = new QHBoxLayout;
    bar->addWidget(levelLabel);
    bar->addWidget(level_);
    bar->addWidget(search_, 1);
    bar->addWidget(copy_);
    bar->addWidget(save_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(view_);
    layout->addWidget(message_);
}

QString LogPage::selectedText() const
{
    QList<int> rows;
    for (const QModelIndex& index : view_->selectionModel()->selectedRows()) rows << index.row();
    std::sort(rows.begin(), rows.end());
    if (rows.isEmpty())
        for (int row = 0; row < filter_->rowCount(); ++row) rows << row;
    QString text;
    for (const int row : rows) {
        QStringList cells;
        for (int column = 0; column < LogModel::ColumnCount; ++column) cells << filter_->index(row, column).data().toString();
        text += cells.join('\t') + '\n';
    }
    return text;
}

void LogPage::copySelection()
{
    const QString text = selectedText();
    QApplication::clipboard()->setText(text);
    message_->setText(tr("Copied %n line(s).", nullptr, int(text.count('\n'))));
}

bool LogPage::saveSelection(const QString& path)
{
    const QString text = selectedText();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        message_->setText(tr("Cannot save %1: %2").arg(path, file.errorString()));
        return false;
    }
    message_->setText(tr("Saved %n line(s) to %1.", nullptr, int(text.count('\n'))).arg(path));
    return true;
}

void LogPage::append(const pb::LogLine& line)
{
    QScrollBar* bar = view_->verticalScrollBar();
    const bool following = bar->value() >= bar->maximum() - 2;
    model_->append(line);
    if (following) view_->scrollToBottom();
}

} // namespace pb::ui
