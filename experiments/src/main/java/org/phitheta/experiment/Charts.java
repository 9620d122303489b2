package org.phitheta.experiment;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;

/** Paper-style line charts with JFreeChart, and grids of panels written as one PNG (atomically). */
public final class Charts {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Font of panel titles. */
    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font AXIS_LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    /** Baseline colours. */
    public static final Color RELU = new Color(0x20, 0x20, 0x20);
    public static final Color TANH = new Color(0x99, 0x66, 0x33);
    public static final Color SELU = new Color(0x88, 0x44, 0xAA);
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

    private Charts() {
    }

    /** A chart under construction: one XY plot. */
    public static final class LineChart {
        private final XYSeriesCollection data = new XYSeriesCollection();
        private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        private final JFreeChart chart;
        private final XYPlot plot;

        LineChart(String title, String xLabel, String yLabel, boolean logY) {
            NumberAxis x = new NumberAxis(xLabel);
            x.setAutoRangeIncludesZero(false);
            ValueAxis y;
            if (logY) {
                LogAxis log = new LogAxis(yLabel);
                log.setBase(10);
                log.setSmallestValue(1e-5);
                log.setTickUnit(new NumberTickUnit(1.0));   // one label per decade
                log.setMinorTickCount(9);
                log.setMinorTickMarksVisible(true);
                log.setNumberFormatOverride(new DecimalFormat("0.#####"));
                y = log;
            } else {
                NumberAxis lin = new NumberAxis(yLabel);
                lin.setAutoRangeIncludesZero(false);
                y = lin;
            }
            for (ValueAxis a : new ValueAxis[]{x, y}) {
                a.setLabelFont(AXIS_LABEL_FONT);
                a.setTickLabelFont(TICK_FONT);
            }
            plot = new XYPlot(data, x, y, renderer);
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(GRID);
            plot.setRangeGridlinePaint(GRID);
            plot.setOutlinePaint(Color.GRAY);
            plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
            chart = new JFreeChart(title, TITLE_FONT, plot, true);
            chart.setBackgroundPaint(Color.WHITE);
            LegendTitle legend = chart.getLegend();
            legend.setItemFont(LEGEND_FONT);
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
        }

        /** Integer ticks on the x axis. */
        public LineChart integerX() {
            ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            return this;
        }

        /** @param unit fixed x tick unit @return this */
        public LineChart xTick(double unit) {
            ((NumberAxis) plot.getDomainAxis()).setTickUnit(new NumberTickUnit(unit));
            return this;
        }

        /** @param lo lower y bound @param hi upper y bound @return this */
        public LineChart yRange(double lo, double hi) {
            plot.getRangeAxis().setRange(lo, hi);
            return this;
        }

        /** @param lo lower x bound @param hi upper x bound @return this */
        public LineChart xRange(double lo, double hi) {
            plot.getDomainAxis().setRange(lo, hi);
            return this;
        }

        /**
         * Adds a line.
         *
         * @param name     legend name (unique within the chart)
         * @param x        x values
         * @param y        y values (non-finite values, and non-positive ones on a log axis, are skipped)
         * @param paint    colour
         * @param dashed   dashed line
         * @param shapes   draw point markers
         * @param inLegend show in the legend
         * @return this
         */
        public LineChart series(String name, double[] x, double[] y, Paint paint, boolean dashed, boolean shapes,
                                boolean inLegend) {
            XYSeries s = new XYSeries(name, false, true);
            boolean log = plot.getRangeAxis() instanceof LogAxis;
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(y[i]) && (!log || y[i] > 0)) {
                    s.add(x[i], y[i]);
                }
            }
            data.addSeries(s);
            int i = data.getSeriesCount() - 1;
            renderer.setSeriesPaint(i, paint);
            renderer.setSeriesStroke(i, dashed
                    ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[]{6f, 4f}, 0f)
                    : new BasicStroke(2.0f));
            renderer.setSeriesShapesVisible(i, shapes);
            Shape dot = new Ellipse2D.Double(-2.5, -2.5, 5, 5);
            renderer.setSeriesShape(i, dot);
            renderer.setSeriesVisibleInLegend(i, inLegend);
            return this;
        }

        /**
         * A horizontal reference line (e.g. a noise floor), dotted grey.
         *
         * @param name  legend name
         * @param x0    first x
         * @param x1    last x
         * @param y     level
         * @return this
         */
        public LineChart hline(String name, double x0, double x1, double y) {
            series(name, new double[]{x0, x1}, new double[]{y, y}, Color.GRAY, true, false, true);
            int i = data.getSeriesCount() - 1;
            renderer.setSeriesStroke(i, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                    new float[]{2f, 3f}, 0f));
            return this;
        }

        /** @param show show the legend @return this */
        public LineChart legend(boolean show) {
            chart.getLegend().setVisible(show);
            return this;
        }

        public JFreeChart chart() {
            return chart;
        }
    }

    /**
     * @param title  panel title
     * @param xLabel x-axis label
     * @param yLabel y-axis label
     * @param logY   logarithmic y axis
     * @return a new chart
     */
    public static LineChart line(String title, String xLabel, String yLabel, boolean logY) {
        return new LineChart(title, xLabel, yLabel, logY);
    }

    /**
     * The colour of an activation, consistent across all figures: odd phi_theta in blues (darker for smaller theta),
     * positive phi_theta in oranges/reds, baselines fixed.
     *
     * @param spec      the activation
     * @param all       every activation of the figure (to place theta in its family's ramp)
     * @return the colour
     */
    public static Color of(ActivationSpec spec, java.util.List<ActivationSpec> all) {
        if (!spec.kind().isPhiTheta()) {
            switch (spec.kind()) {
                case RELU:
                    return RELU;
                case TANH:
                    return TANH;
                default:
                    return SELU;
            }
        }
        java.util.List<Double> thetas = new java.util.ArrayList<>();
        for (ActivationSpec s : all) {
            if (s.kind() == spec.kind() && !thetas.contains(s.theta())) {
                thetas.add(s.theta());
            }
        }
        java.util.Collections.sort(thetas);
        int i = thetas.indexOf(spec.theta());
        float t = thetas.size() <= 1 ? 0.4f : (float) i / (thetas.size() - 1);
        if (spec.kind() == ActivationSpec.Kind.ODD) {
            return blend(new Color(0x08, 0x30, 0x6B), new Color(0x6B, 0xAE, 0xD6), t);
        }
        return blend(new Color(0x99, 0x00, 0x0D), new Color(0xFD, 0x8D, 0x3C), t);
    }

    private static Color blend(Color a, Color b, float t) {
        return new Color(Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }

    /**
     * @param i     index
     * @param count number of colours
     * @return colour i of a perceptually ordered palette (viridis-like, dark blue to yellow-green), for ordered
     * series such as increasing theta
     */
    public static Color ordered(int i, int count) {
        float[][] stops = {{0.27f, 0.00f, 0.33f}, {0.23f, 0.32f, 0.55f}, {0.13f, 0.57f, 0.55f},
                {0.37f, 0.79f, 0.38f}, {0.80f, 0.75f, 0.10f}};
        float t = count <= 1 ? 0f : (float) i / (count - 1);
        float pos = t * (stops.length - 1);
        int k = Math.min(stops.length - 2, (int) pos);
        float u = pos - k;
        float r = stops[k][0] + u * (stops[k + 1][0] - stops[k][0]);
        float g = stops[k][1] + u * (stops[k + 1][1] - stops[k][1]);
        float b = stops[k][2] + u * (stops[k + 1][2] - stops[k][2]);
        return new Color(r, g, b);
    }

    /**
     * Draws panels in a grid under an optional overall title and writes one PNG (temporary file, then atomic move).
     *
     * @param panels      charts, row by row
     * @param columns     panels per row
     * @param panelWidth  width of one panel, pixels
     * @param panelHeight height of one panel, pixels
     * @param title       overall title, or null
     * @param target      the PNG file
     */
    public static void saveGrid(List<JFreeChart> panels, int columns, int panelWidth, int panelHeight, String title,
                                Path target) {
        int rows = (panels.size() + columns - 1) / columns;
        String[] titleLines = title == null ? new String[0] : title.split("\n");
        int header = title == null ? 0 : 14 + 24 * titleLines.length;
        BufferedImage image = new BufferedImage(columns * panelWidth, rows * panelHeight + header,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            if (title != null) {
                for (int l = 0; l < titleLines.length; l++) {
                    int size = l == 0 ? 17 : 14;
                    Font font = new Font(Font.SANS_SERIF, l == 0 ? Font.BOLD : Font.PLAIN, size);
                    g.setFont(font);
                    while (size > 9 && g.getFontMetrics().stringWidth(titleLines[l]) > image.getWidth() - 16) {
                        font = new Font(Font.SANS_SERIF, l == 0 ? Font.BOLD : Font.PLAIN, --size);
                        g.setFont(font);
                    }
                    g.setPaint(Color.BLACK);
                    int w = g.getFontMetrics().stringWidth(titleLines[l]);
                    g.drawString(titleLines[l], Math.max(8, (image.getWidth() - w) / 2), 26 + 24 * l);
                }
            }
            for (int i = 0; i < panels.size(); i++) {
                int r = i / columns;
                int c = i % columns;
                panels.get(i).draw(g, new Rectangle2D.Double(c * panelWidth, header + r * panelHeight, panelWidth,
                        panelHeight));
            }
        } finally {
            g.dispose();
        }
        AtomicFiles.write(target, out -> ChartUtils.writeBufferedImageAsPNG(out, image));
    }
}
