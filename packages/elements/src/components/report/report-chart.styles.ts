import { css } from 'lit';

/** The part of uPlot's stylesheet the charts need, for a shadow root. */
export const chartStyles = css`
  .uplot,
  .uplot * {
    box-sizing: border-box;
  }
  .u-wrap {
    position: relative;
  }
  .u-over,
  .u-under,
  .u-axis {
    position: absolute;
  }
  .uplot canvas {
    display: block;
    position: relative;
    inline-size: 100%;
    block-size: 100%;
  }
`;
