<?php
/**
 * Who is calling: the claims of a bearer JWT signed with the site's secret (`sub`, `tenant`, `roles`,
 * `name`, `email`), as `@lms-kit/server` reads them. The plugin signs such tokens for signed-in users
 * (`Lms_Kit_Tokens`), so the learner is the WordPress user, never a name the page claims.
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

/** The verified caller of one request. */
final class Lms_Kit_Identity {
	const ROLES = array( 'learner', 'instructor', 'admin' );

	/** @var string */
	public $sub;
	/** @var string */
	public $tenant;
	/** @var string[] */
	public $roles;

	public function __construct( string $sub, string $tenant, array $roles ) {
		$this->sub    = $sub;
		$this->tenant = $tenant;
		$this->roles  = $roles;
	}

	public function is_admin(): bool {
		return in_array( 'admin', $this->roles, true );
	}

	public function is_instructor(): bool {
		return in_array( 'instructor', $this->roles, true );
	}

	public static function from_request( WP_REST_Request $request ): self {
		$header = (string) $request->get_header( 'authorization' );
		if ( ! preg_match( '/^Bearer (.+)$/i', $header, $found ) ) {
			throw new Lms_Kit_Http_Error( 401, 'auth/unauthenticated', 'A bearer token is required.' );
		}
		$claims = Lms_Kit_Jwt::verify( trim( $found[1] ), Lms_Kit_Settings::jwt_secret() );
		if ( is_string( $claims ) ) {
			throw new Lms_Kit_Http_Error( 401, 'auth/unauthenticated', "The token was refused: $claims" );
		}
		$tenant = is_string( $claims['tenant'] ?? null ) ? $claims['tenant'] : Lms_Kit_Settings::tenant();
		if ( empty( $claims['sub'] ) || ! is_string( $claims['sub'] ) ) {
			throw new Lms_Kit_Http_Error( 401, 'auth/unauthenticated', 'The token names no subject or tenant.' );
		}
		$roles = array_values( array_intersect( is_array( $claims['roles'] ?? null ) ? $claims['roles'] : array( 'learner' ), self::ROLES ) );
		return new self( $claims['sub'], $tenant, $roles ? $roles : array( 'learner' ) );
	}
}
