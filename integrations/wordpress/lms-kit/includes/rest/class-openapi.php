<?php
/**
 * The protocol's OpenAPI document, at `/wp-json/lms-kit/openapi.json` (beside `v1/`, where the Node
 * server has it) and `/wp-json/lms-kit/v1/openapi.json`. It is `@lms-kit/server`'s own document
 * (`openapi.json`, written by `node scripts/wordpress-openapi.mjs`) with only the operations this
 * plugin registers, so what it says is what both answer.
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

final class Lms_Kit_OpenApi {
	/** Registers the document's routes; call after every protocol route is registered. */
	public static function register_routes(): void {
		foreach ( array( 'lms-kit', Lms_Kit_Protocol::NAMESPACE_V1 ) as $namespace ) {
			register_rest_route(
				$namespace,
				'/openapi.json',
				array(
					'methods'             => 'GET',
					// A description of the API, public as the Node server's is.
					'permission_callback' => '__return_true',
					'callback'            => array( self::class, 'document' ),
				)
			);
		}
	}

	/** @return WP_REST_Response The server's document, filtered to the operations registered here. */
	public static function document(): WP_REST_Response {
		$file = LMS_KIT_DIR . 'openapi.json';
		// Decoded to objects, not arrays: an empty JSON object stays `{}` (an empty PHP array would be `[]`).
		$doc = is_readable( $file ) ? json_decode( (string) file_get_contents( $file ) ) : null; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
		if ( ! is_object( $doc ) || ! isset( $doc->paths ) || ! is_object( $doc->paths ) ) {
			return ( new Lms_Kit_Http_Error( 500, 'server/failed', 'The plugin has no readable openapi.json.' ) )->to_response();
		}
		$registered = array();
		foreach ( Lms_Kit_Protocol::routes() as list( $method, $path ) ) {
			$registered[ $method . ' ' . self::shape( '/v1' . $path ) ] = true;
		}
		$paths = new stdClass();
		foreach ( get_object_vars( $doc->paths ) as $path => $operations ) {
			foreach ( get_object_vars( $operations ) as $method => $operation ) {
				if ( isset( $registered[ $method . ' ' . self::shape( $path ) ] ) ) {
					$paths->$path          = $paths->$path ?? new stdClass();
					$paths->$path->$method = $operation;
				}
			}
		}
		$doc->paths = $paths;
		return new WP_REST_Response( $doc, 200 );
	}

	/** `/v1/progress/{learner}/{course}` → `/v1/progress/{}/{}`: parameters may be named differently. */
	private static function shape( string $path ): string {
		return (string) preg_replace( '/\{\w+\}/', '{}', $path );
	}
}
