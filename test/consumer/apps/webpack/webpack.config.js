import { fileURLToPath } from 'node:url';

// Bundles into public/assets/, which the site serves as it is (with index.html and lms-kit-sw.js beside).
export default {
  mode: 'production',
  entry: './src/index.js',
  output: {
    path: fileURLToPath(new URL('./public/assets', import.meta.url)),
    filename: 'main.js',
    chunkFilename: '[name].[contenthash].js',
    publicPath: '/assets/',
  },
};
