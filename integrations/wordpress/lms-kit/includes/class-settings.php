<?php
/**
 * The plugin's options: token secret, guest mode, LRS endpoints, certificate signing key, and whether
 * uninstalling deletes course data. Kept in one autoloaded option, `lms_kit_settings`.
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

/** Reads options with their defaults. */
final class Lms_Kit_Settings {
	const OPTION = 'lms_kit_settings';

	public static function all(): array {
		$saved = get_option( self::OPTION, array() );
		return array_merge(
			array(
				'guests'             => 'local',
				'lrs_endpoint'       => '',
				'lrs_username'       => '',
				'lrs_password'       => '',
				'certificate_key'    => '',
				'delete_on_uninstall' => false,
			),
			is_array( $saved ) ? $saved : array()
		);
	}

	public static function get( string $name ) {
		return self::all()[ $name ] ?? null;
	}

	/** The HS256 secret of learner tokens: made once, on activation (or first use). */
	public static function jwt_secret(): string {
		$secret = get_option( 'lms_kit_jwt_secret' );
		if ( ! is_string( $secret ) || strlen( $secret ) < 32 ) {
			$secret = bin2hex( random_bytes( 32 ) );
			update_option( 'lms_kit_jwt_secret', $secret, false );
		}
		return $secret;
	}

	/** The tenant of this site's records (one per site of a multisite network). */
	public static function tenant(): string {
		return 'wp-' . get_current_blog_id();
	}
}
