<?php
/**
 * The signed-in WordPress user as a learner: a short-lived HS256 token with the claims
 * `@lms-kit/server` reads. Roles come from capabilities: `manage_options` is admin, `edit_posts`
 * (authors, editors, instructors) is instructor, everyone else a learner. Pages get a token in their
 * markup and a fresh one from `GET /wp-json/lms-kit/v1/token` (cookie + `wp_rest` nonce) when it expires.
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

/** Learner ids and tokens of WordPress users. */
final class Lms_Kit_Tokens {
	const LIFETIME = 900;

	/** The learner id of a user: their email as an xAPI mbox, the id the page's `learner-email` gives. */
	public static function learner_id( WP_User $user ): string {
		return 'mailto:' . strtolower( $user->user_email );
	}

	public static function roles( WP_User $user ): array {
		$roles = array( 'learner' );
		if ( user_can( $user, 'edit_posts' ) ) {
			$roles[] = 'instructor';
		}
		if ( user_can( $user, 'manage_options' ) ) {
			$roles[] = 'admin';
		}
		return $roles;
	}

	public static function for_user( WP_User $user ): string {
		return Lms_Kit_Jwt::sign(
			array(
				'sub'    => self::learner_id( $user ),
				'tenant' => Lms_Kit_Settings::tenant(),
				'roles'  => self::roles( $user ),
				'name'   => $user->display_name,
				'email'  => $user->user_email,
			),
			Lms_Kit_Settings::jwt_secret(),
			self::LIFETIME
		);
	}

	public static function register_route(): void {
		register_rest_route(
			Lms_Kit_Protocol::NAMESPACE_V1,
			'/token',
			array(
				'methods'             => 'GET',
				// Cookie authentication: WordPress checks the `wp_rest` nonce before the user is known.
				'permission_callback' => 'is_user_logged_in',
				'callback'            => static function () {
					return array( 'token' => self::for_user( wp_get_current_user() ) );
				},
			)
		);
	}
}
