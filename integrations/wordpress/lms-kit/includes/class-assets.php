<?php
/**
 * Serves LMS Kit from the site's own origin, with no build step on the site: `assets/lms-kit/` holds
 * the CDN bundle of `@lms-kit/elements` (copied in when the plugin zip is built), and the service
 * worker is answered at `<home>/lms-kit-sw.js` so its scope covers the site's pages (a worker's scope
 * can be no wider than its script's folder, and a plugin folder is not where course pages are).
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

/** URLs of the bundle and the service worker. */
final class Lms_Kit_Assets {
	public static function init(): void {
		// Before WordPress routes the request: the worker is a script, not a page.
		add_action( 'parse_request', array( self::class, 'maybe_serve_worker' ), 0 );
	}

	public static function url( string $file ): string {
		return plugins_url( "assets/$file", LMS_KIT_FILE );
	}

	/** `<home>/lms-kit-sw.js` with pretty permalinks, `<home>/?lms_kit_sw=1` otherwise (same folder, same scope). */
	public static function service_worker_url(): string {
		return get_option( 'permalink_structure' ) ? home_url( '/lms-kit-sw.js' ) : add_query_arg( 'lms_kit_sw', '1', home_url( '/' ) );
	}

	public static function maybe_serve_worker( WP $wp ): void {
		$path = wp_parse_url( isset( $_SERVER['REQUEST_URI'] ) ? esc_url_raw( wp_unslash( $_SERVER['REQUEST_URI'] ) ) : '', PHP_URL_PATH );
		$home = untrailingslashit( (string) wp_parse_url( home_url( '/' ), PHP_URL_PATH ) );
		if ( "$home/lms-kit-sw.js" !== $path && empty( $_GET['lms_kit_sw'] ) ) { // phpcs:ignore WordPress.Security.NonceVerification
			return;
		}
		$file = LMS_KIT_DIR . 'assets/lms-kit/lms-kit-sw.js';
		if ( ! is_readable( $file ) ) {
			status_header( 404 );
			exit;
		}
		status_header( 200 );
		header( 'Content-Type: text/javascript; charset=utf-8' );
		header( 'Service-Worker-Allowed: ' . ( '' === $home ? '/' : "$home/" ) );
		// Browsers check a worker for updates at least daily and bypass this cache for it: a short max-age is enough.
		header( 'Cache-Control: max-age=300' );
		readfile( $file ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		exit;
	}
}
